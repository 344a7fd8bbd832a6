/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* closed_fd.c again, run with IV_FD_PUMP_NO_SPLICE=1 (memory buffer). */

#include "closed_fd.c"
