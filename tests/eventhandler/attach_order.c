/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* T38: a static list defined after a DSO created the same list by name. */

#include "eh_test.h"
#include "eh_dso.h"

IV_EVENTHANDLER_LIST_DEFINE(eh_early);

static long ctor_hits = -1;

static void late(void *arg, long *hits)
{
	*hits += 1;
}

/* Our own constructor: the DSO's one has already run. */
__attribute__((constructor)) static void exe_ctor(void)
{
	long hits = 0;

	IV_EVENTHANDLER_DIRECT_INVOKE(eh_early, &hits);
	ctor_hits = hits;
}

int main(void)
{
	struct iv_eventhandler_list *canon;
	iv_eventhandler_tag t;
	long hits = 0;

	TEST_BEGIN(10);

	CHECK_EQ_INT(eh_early_ctor_ran(), 1);
	canon = eh_early_list_seen();
	CHECK(canon != NULL);
	/* The DSO's dynamic list came first: it stays the canonical one. */
	CHECK(iv_eventhandler_find_list("eh_early") == canon);
	CHECK(canon != &iv_eventhandler_list_eh_early);
	CHECK_EQ_INT(ctor_hits, 100);

	/* The static list (a mirror) reaches the DSO's handler... */
	IV_EVENTHANDLER_DIRECT_INVOKE(eh_early, &hits);
	CHECK_EQ_INT(hits, 100);

	/* ...and registering through it lands on the canonical list. */
	t = iv_eventhandler_register(&iv_eventhandler_list_eh_early, NULL,
				     (iv_eventhandler_fn)late, NULL,
				     IV_EVENTHANDLER_PRI_LAST);
	CHECK(t != NULL);
	CHECK_EQ_INT(iv_eventhandler_count(canon), 2);
	hits = 0;
	IV_EVENTHANDLER_DIRECT_INVOKE(eh_early, &hits);
	CHECK_EQ_INT(hits, 101);
	hits = 0;
	IV_EVENTHANDLER_LIST_INVOKE(eh_early, canon, &hits);
	CHECK_EQ_INT(hits, 101);
	hits = 0;
	IV_EVENTHANDLER_INVOKE(eh_early, &hits);
	CHECK_EQ_INT(hits, 101);

	CHECK_EQ_INT(iv_eventhandler_deregister(NULL, t), 0);
	hits = 0;
	IV_EVENTHANDLER_DIRECT_INVOKE(eh_early, &hits);
	CHECK_EQ_INT(hits, 100);
	iv_eventhandler_shutdown();
	return 0;
}
