# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Fault injection through failshim.c, which each program #includes.
iv_add_test(fault event_raw_eventfd_fail LIBS ${CMAKE_DL_LIBS})
iv_add_test(fault event_raw_enosys LIBS ${CMAKE_DL_LIBS})
iv_add_test(fault event_raw_pipe_fail LIBS ${CMAKE_DL_LIBS})
iv_add_test(fault event_register_fail LIBS ${CMAKE_DL_LIBS})
iv_add_test(fault thread_create_fail LABELS mt LIBS ${CMAKE_DL_LIBS})
