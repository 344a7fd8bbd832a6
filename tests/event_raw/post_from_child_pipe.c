/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* post_from_child.c over a pipe (IV_EVENT_RAW_FORCE_PIPE=1, pending.cmake). */

#include "post_from_child.c"
