/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* coalesce.c with the event_raw pipe fallback (tests.cmake sets
 * IV_EVENT_RAW_FORCE_PIPE=1). */

#include "coalesce.c"
