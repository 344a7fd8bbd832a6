/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* large_transfer.c again, run with IV_FD_PUMP_NO_SPLICE=1 (memory buffer). */

#include "large_transfer.c"
