/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* destroy_mid_transfer.c again, with IV_FD_PUMP_NO_SPLICE=1. */

#include "destroy_mid_transfer.c"
