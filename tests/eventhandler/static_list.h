/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The event shared by the two files of the static_list test. */

#ifndef STATIC_LIST_H
#define STATIC_LIST_H

#include <iv_eventhandler.h>

typedef void (*sl_fn)(void *, int);
IV_EVENTHANDLER_DECLARE(s1, sl_fn);
IV_EVENTHANDLER_DECLARE(s2, sl_fn);
IV_EVENTHANDLER_DECLARE(early, sl_fn);

int static_list_other_invoke(int v);

#endif
