# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_popen: children with a pipe on stdin or stdout.
iv_add_test(popen read_echo)
iv_add_test(popen write_cat)
iv_add_test(popen only_std_fds)
iv_add_test(popen only_std_fds_no_close_range LIBS dl)
iv_add_test(popen missing_exec LIBS dl)
iv_add_test(popen invalid_type)
iv_add_test(popen close_sigterm)
iv_add_test(popen close_twice)
iv_add_test(popen close_escalates_to_sigkill LABELS slow TIMEOUT 60)
iv_add_test(popen fd_flags)
iv_add_test(popen deinit_frees_children)
iv_add_test(popen fork_failure LIBS dl)
