# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_fd_pump tests.  Each *_nosplice program is its namesake rerun with
# IV_FD_PUMP_NO_SPLICE=1, so the memory-buffer path sees the same traffic.
iv_add_test(fd_pump set_bands_sequence)
iv_add_test(fd_pump is_done)
iv_add_test(fd_pump pipe_to_pipe)
iv_add_test(fd_pump pipe_to_pipe_nosplice ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump socket_to_socket)
iv_add_test(fd_pump socket_to_socket_nosplice ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump copy_path_pty)
iv_add_test(fd_pump large_transfer TIMEOUT 120)
iv_add_test(fd_pump large_transfer_nosplice TIMEOUT 120
	ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump relay_eof)
iv_add_test(fd_pump no_relay_eof)
iv_add_test(fd_pump eof_with_backlog)
iv_add_test(fd_pump eof_with_backlog_nosplice ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump input_paused_when_full)
iv_add_test(fd_pump input_paused_when_full_nosplice
	ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump destroy_mid_transfer)
iv_add_test(fd_pump destroy_mid_transfer_nosplice ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump closed_fd)
iv_add_test(fd_pump closed_fd_nosplice ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump buffer_kind)
iv_add_test(fd_pump buffer_kind_nosplice ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump cache_bounded)
iv_add_test(fd_pump cache_bounded_nosplice ENV IV_FD_PUMP_NO_SPLICE=1)
iv_add_test(fd_pump saw_fin_corrupt)
iv_add_test(fd_pump no_init)
