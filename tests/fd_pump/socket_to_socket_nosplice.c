/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* socket_to_socket.c again, run with IV_FD_PUMP_NO_SPLICE=1 (memory buffer). */

#include "socket_to_socket.c"
