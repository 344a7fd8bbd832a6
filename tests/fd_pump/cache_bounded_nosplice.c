/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* cache_bounded.c again, run with IV_FD_PUMP_NO_SPLICE=1 (memory buffer). */

#include "cache_bounded.c"
