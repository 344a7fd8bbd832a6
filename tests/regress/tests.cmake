# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Regression tests for core-loop corner cases, one program per case.
iv_add_test(regress deinit_abandons)
iv_add_test(regress timer_far_future)
iv_add_test(regress fd_reregister_in_handler)
iv_add_test(regress timer_rearm_collected)
iv_add_test(regress fd_register_in_handler)
iv_add_test(regress fd_number_reuse_in_batch)
iv_add_test(regress same_fd_two_threads LABELS mt)
iv_add_test(regress quit_in_timer)
iv_add_test(regress task_move_to_end)
iv_add_test(regress liveness_count)
iv_add_test(regress timerfd_moving_deadline LIBS ${CMAKE_DL_LIBS})
