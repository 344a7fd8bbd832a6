/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* T38 helper library: registers by name from its constructor. */

#include "eh_dso.h"

static struct iv_eventhandler_list *seen;
static long ran;

static void early(void *arg, long *hits)
{
	*hits += 100;
}

/* Runs before any constructor of the executable that links us. */
__attribute__((constructor)) static void early_ctor(void)
{
	if (IV_EVENTHANDLER_REGISTER(eh_early, early, NULL,
				     IV_EVENTHANDLER_PRI_FIRST) != NULL)
		ran = 1;
	seen = iv_eventhandler_find_list("eh_early");
}

struct iv_eventhandler_list *eh_early_list_seen(void)
{
	return seen;
}

long eh_early_ctor_ran(void)
{
	return ran;
}
