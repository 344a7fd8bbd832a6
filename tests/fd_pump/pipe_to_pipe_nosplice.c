/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* pipe_to_pipe.c again, run with IV_FD_PUMP_NO_SPLICE=1 (memory buffer). */

#include "pipe_to_pipe.c"
