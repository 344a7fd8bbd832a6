/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A consumer written with FreeBSD EVENTHANDLER(9) names only. */

#include <iv_eventhandler_compat.h>
#include "check.h"

typedef void (*shutdown_fn)(void *, int);
EVENTHANDLER_DECLARE(shutdown_final, shutdown_fn);
EVENTHANDLER_DECLARE(proc_exec, shutdown_fn);
EVENTHANDLER_LIST_DEFINE(proc_exec);

static int order[8];
static int n;
static int defined_calls;

static void first(void *arg, int howto)
{
	order[n++] = 1;
}

static void last(void *arg, int howto)
{
	order[n++] = 3;
}

static void any(void *arg, int howto)
{
	order[n++] = 2;
	CHECK_EQ_INT(howto, 4);
}

static void by_define(void *arg, int howto)
{
	defined_calls++;
}

EVENTHANDLER_DEFINE(proc_exec, by_define, NULL, EVENTHANDLER_PRI_ANY);

int main(void)
{
	eventhandler_tag a, b, c;
	struct eventhandler_list *l;

	TEST_BEGIN(10);

	/* T11: deregister by name on a missing list is a no-op. */
	EVENTHANDLER_DEREGISTER(never_there, NULL);
	EVENTHANDLER_DEREGISTER_NOWAIT(never_there, NULL);

	c = EVENTHANDLER_REGISTER(shutdown_final, last, NULL,
				  EVENTHANDLER_PRI_LAST);
	a = EVENTHANDLER_REGISTER(shutdown_final, first, NULL,
				  EVENTHANDLER_PRI_FIRST);
	b = eventhandler_register(NULL, "shutdown_final", (void *)any, NULL,
				  EVENTHANDLER_PRI_ANY);
	CHECK(a != NULL && b != NULL && c != NULL);
	EVENTHANDLER_INVOKE(shutdown_final, 4);
	CHECK_EQ_INT(n, 3);
	CHECK_EQ_INT(order[0], 1);
	CHECK_EQ_INT(order[1], 2);
	CHECK_EQ_INT(order[2], 3);

	l = eventhandler_find_list("shutdown_final");
	CHECK(l != NULL);
	EVENTHANDLER_DEREGISTER(shutdown_final, b);
	eventhandler_deregister_nowait(l, a);
	eventhandler_prune_list(l);
	n = 0;
	EVENTHANDLER_INVOKE(shutdown_final, 4);
	CHECK_EQ_INT(n, 1);

	/* T10 compat: a NULL tag removes everything. */
	EVENTHANDLER_REGISTER(shutdown_final, first, NULL, 0);
	EVENTHANDLER_DEREGISTER(shutdown_final, NULL);
	n = 0;
	EVENTHANDLER_INVOKE(shutdown_final, 4);
	CHECK_EQ_INT(n, 0);
	CHECK(eventhandler_find_list("shutdown_final") == l);

	/* Static list plus a handler defined before main. */
	EVENTHANDLER_DIRECT_INVOKE(proc_exec, 0);
	CHECK_EQ_INT(defined_calls, 1);
	CHECK(eventhandler_create_list("proc_exec") ==
	      &iv_eventhandler_list_proc_exec);
	eventhandler_deregister(NULL, NULL);
	return 0;
}
