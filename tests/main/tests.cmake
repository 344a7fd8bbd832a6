# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Core loop lifecycle tests: iv_init, iv_main, iv_quit, method selection.
iv_add_test(main empty_loop)
iv_add_test(main quit_before_main)
iv_add_test(main quit_in_handler)
iv_add_test(main main_again)
iv_add_test(main inited)
iv_add_test(main iteration_order)
iv_add_test(main poll_method_name)
iv_add_test(main select_method NOBACKEND)
iv_add_test(main exclude_all NOBACKEND)
iv_add_test(main sigpipe_ignored NOBACKEND)
iv_add_test(main idle_fd_keeps_alive)
iv_add_test(main per_thread_loops LABELS mt)
iv_add_test(main thread_id NOBACKEND)
iv_add_test(main fork_during_init NOBACKEND LABELS mt)
