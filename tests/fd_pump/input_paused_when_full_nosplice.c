/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* input_paused_when_full.c again, with IV_FD_PUMP_NO_SPLICE=1. */

#include "input_paused_when_full.c"
