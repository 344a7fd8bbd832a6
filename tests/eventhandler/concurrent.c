/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Many invokers: exact call counts, no call after deregister, progress. */

#include "eh_test.h"

typedef void (*cc_fn)(void *, unsigned long *);
IV_EVENTHANDLER_DECLARE(cc, cc_fn);

#define NINV	8
#define ROUNDS	50000

static struct iv_eventhandler_list *L;
static int stop;

static void count(void *arg, unsigned long *ctr)
{
	ctr[(intptr_t)arg]++;
}

static void check_canary(void *arg, unsigned long *ctr)
{
	canary_check(arg);
}

static void *invoker(void *arg)
{
	unsigned long *ctr = arg;
	int i;

	for (i = 0; i < ROUNDS; i++)
		IV_EVENTHANDLER_LIST_INVOKE(cc, L, ctr);
	return NULL;
}

static void *spinner(void *arg)
{
	unsigned long ctr[4] = { 0 };

	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		IV_EVENTHANDLER_LIST_INVOKE(cc, L, ctr);
	return NULL;
}

int main(void)
{
	unsigned long ctr[NINV][4];
	pthread_t th[NINV];
	iv_eventhandler_tag t[4];
	int64_t worst = 0;
	int i, k;

	TEST_BEGIN(60);

	/* T21 */
	L = iv_eventhandler_create_list("cc");
	memset(ctr, 0, sizeof(ctr));
	for (k = 0; k < 4; k++)
		t[k] = iv_eventhandler_register(L, NULL,
						(iv_eventhandler_fn)count,
						(void *)(intptr_t)k, k);
	for (i = 0; i < NINV; i++)
		pthread_create(&th[i], NULL, invoker, ctr[i]);
	for (i = 0; i < NINV; i++)
		pthread_join(th[i], NULL);
	for (k = 0; k < 4; k++) {
		unsigned long sum = 0;

		for (i = 0; i < NINV; i++)
			sum += ctr[i][k];
		CHECK_EQ_INT(sum, (unsigned long)NINV * ROUNDS);
	}
	CHECK(t[3] != NULL);
	CHECK_EQ_INT(iv_eventhandler_deregister_all(L), 0);

	/* T22, T25, T35: invokers never pause. */
	for (k = 0; k < 2; k++)
		t[k] = iv_eventhandler_register(L, NULL,
						(iv_eventhandler_fn)count,
						(void *)(intptr_t)k, k);
	for (i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, spinner, NULL);
	for (k = 0; k < 20000; k++) {
		struct canary *c = canary_new();
		iv_eventhandler_tag x;
		int64_t t0;

		x = iv_eventhandler_register(L, NULL,
					     (iv_eventhandler_fn)check_canary,
					     c, k % 3);
		CHECK(x != NULL);
		if (k % 8 == 0)
			eh_sleep_ms(0);
		t0 = eh_now_ns();
		CHECK_EQ_INT(iv_eventhandler_deregister(L, x), 0);
		if (eh_now_ns() - t0 > worst)
			worst = eh_now_ns() - t0;
		canary_kill(c);
		free(c);
		/* Garbage stays bounded while the list is never quiet. */
		CHECK(iv_eventhandler__retired() <= 2 * 5 + 2);
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	fprintf(stderr, "worst deregister: %lld us (%s)\n",
		(long long)(worst / 1000), iv_eventhandler_read_path());
	/*
	 * Progress: at most a second.  Not under valgrind (a time scale is
	 * set): its scheduler parks spinners inside handlers for whole time
	 * slices, so a waiting deregister there can take many seconds.
	 */
	if (getenv("IV_TEST_TIME_SCALE") == NULL)
		CHECK(worst < 1000000000);

	iv_eventhandler_shutdown();
	return 0;
}
