# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_wait: child state changes, reaping only registered pids.
iv_add_test(wait exit_status)
iv_add_test(wait stop_continue_exit)
iv_add_test(wait unrelated_child)
iv_add_test(wait kill_after_death)
iv_add_test(wait unregister_in_handler)
iv_add_test(wait spawn_runs_fn)
iv_add_test(wait spawn_resets_signals)
iv_add_test(wait spawn_fork_failure LIBS dl)
iv_add_test(wait not_a_child)
iv_add_test(wait register_after_exit)
iv_add_test(wait no_pidfd LIBS dl)
iv_add_test(wait app_sigchld_woken)
iv_add_test(wait exclusive_app_sigchld)
iv_add_test(wait deinit_with_interest)
iv_add_test(wait other_thread LABELS mt)
iv_add_test(wait misuse NOBACKEND LABELS mt)
