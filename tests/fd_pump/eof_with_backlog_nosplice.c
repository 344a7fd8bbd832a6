/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* eof_with_backlog.c again, run with IV_FD_PUMP_NO_SPLICE=1 (memory buffer). */

#include "eof_with_backlog.c"
