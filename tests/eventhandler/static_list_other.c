/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Second file of the static_list test: owns the s2 list. */

#include "static_list.h"

IV_EVENTHANDLER_LIST_DEFINE(s2);

static int total;

static void add(void *arg, int v)
{
	total += v;
}

int static_list_other_invoke(int v)
{
	iv_eventhandler_tag t = iv_eventhandler_register(
		&iv_eventhandler_list_s2, NULL, (iv_eventhandler_fn)add,
		NULL, 0);
	int r;

	total = 15;
	IV_EVENTHANDLER_DIRECT_INVOKE(s2, v);	/* hit() adds to hits */
	r = total;
	iv_eventhandler_deregister(NULL, t);
	return r;
}
