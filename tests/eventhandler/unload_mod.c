/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* T43 helper module: one handler defined with IV_EVENTHANDLER_DEFINE. */

#include "eh_dso.h"

static void in_module(void *arg, long *hits)
{
	__atomic_add_fetch(hits, 1, __ATOMIC_RELAXED);
}

IV_EVENTHANDLER_DEFINE(eh_unload, in_module, NULL, IV_EVENTHANDLER_PRI_ANY);
