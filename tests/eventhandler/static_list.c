/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Static lists: by-name registration, direct invoke, cross-TU, no locks. */

#include <dlfcn.h>
#include "eh_test.h"
#include "static_list.h"

IV_EVENTHANDLER_LIST_DEFINE(s1);
IV_EVENTHANDLER_LIST_DECLARE(s2);	/* defined in static_list_other.c */
IV_EVENTHANDLER_LIST_DEFINE(early);

static int hits;
static long locks;

/* Counts mutex locks taken by anyone in the process. */
int pthread_mutex_lock(pthread_mutex_t *m)
{
	static int (*real)(pthread_mutex_t *);

	if (real == NULL)
		real = (int (*)(pthread_mutex_t *))dlsym(RTLD_NEXT,
							 "pthread_mutex_lock");
	__atomic_add_fetch(&locks, 1, __ATOMIC_RELAXED);
	return real(m);
}

static void hit(void *arg, int v)
{
	hits += v;
}

/* A direct invoke before main, with nothing registered. */
__attribute__((constructor)) static void before_main(void)
{
	IV_EVENTHANDLER_DIRECT_INVOKE(early, 1);
}

int main(void)
{
	iv_eventhandler_tag t, t2;
	long l0;
	int i;

	TEST_BEGIN(20);

	/* T37 */
	t = iv_eventhandler_register(NULL, "s1", (iv_eventhandler_fn)hit,
				     NULL, 0);
	CHECK(t != NULL);
	CHECK(iv_eventhandler_find_list("s1") == &iv_eventhandler_list_s1);
	IV_EVENTHANDLER_DIRECT_INVOKE(s1, 2);
	CHECK_EQ_INT(hits, 2);
	IV_EVENTHANDLER_INVOKE(s1, 3);
	CHECK_EQ_INT(hits, 5);

	/* T40 */
	t2 = IV_EVENTHANDLER_REGISTER(s2, hit, NULL, 0);
	CHECK(t2 != NULL);
	IV_EVENTHANDLER_DIRECT_INVOKE(s2, 10);
	CHECK_EQ_INT(hits, 15);
	CHECK_EQ_INT(static_list_other_invoke(1), 16);

	/* T39: empty direct invoke: no allocation, no lock. */
	CHECK_EQ_INT(iv_eventhandler_deregister(NULL, t), 0);
	eh_count_allocs();
	l0 = __atomic_load_n(&locks, __ATOMIC_RELAXED);
	for (i = 0; i < 1000000; i++)
		IV_EVENTHANDLER_DIRECT_INVOKE(s1, 1);
	CHECK_EQ_INT(__atomic_load_n(&locks, __ATOMIC_RELAXED), l0);
	CHECK_EQ_INT(eh_allocs(), 0);
	iv_eventhandler__hooks = NULL;
	CHECK_EQ_INT(hits, 16);

	CHECK_EQ_INT(iv_eventhandler_deregister(NULL, t2), 0);
	iv_eventhandler_shutdown();
	return 0;
}
