/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Concurrent list creation and concurrent registration order. */

#include "eh_test.h"

typedef void (*cr_fn)(void *);
IV_EVENTHANDLER_DECLARE(cr, cr_fn);

#define NT	16
#define PER	1000

static pthread_barrier_t bar;
static struct iv_eventhandler_list *got[NT];
static int calls;
static int seq[2 * PER];
static int nseq;

static void hit(void *arg)
{
	__atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
}

static void rec(void *arg)
{
	seq[nseq++] = (int)(intptr_t)arg;
}

static void *creator(void *arg)
{
	int i = (int)(intptr_t)arg;
	iv_eventhandler_tag t;

	pthread_barrier_wait(&bar);
	t = iv_eventhandler_register(NULL, "fresh", (iv_eventhandler_fn)hit,
				     NULL, 0);
	CHECK(t != NULL);
	got[i] = iv_eventhandler_find_list("fresh");
	return NULL;
}

static void *orderer(void *arg)
{
	int base = (int)(intptr_t)arg;
	int i;

	pthread_barrier_wait(&bar);
	for (i = 0; i < PER; i++)
		CHECK(iv_eventhandler_register(NULL, "ord",
					       (iv_eventhandler_fn)rec,
					       (void *)(intptr_t)(base + i),
					       7) != NULL);
	return NULL;
}

int main(void)
{
	pthread_t th[NT];
	int i, last[2] = { -1, PER - 1 };

	TEST_BEGIN(30);

	/* T31 */
	pthread_barrier_init(&bar, NULL, NT);
	for (i = 0; i < NT; i++)
		pthread_create(&th[i], NULL, creator, (void *)(intptr_t)i);
	for (i = 0; i < NT; i++)
		pthread_join(th[i], NULL);
	for (i = 0; i < NT; i++)
		CHECK(got[i] == got[0] && got[0] != NULL);
	IV_EVENTHANDLER_LIST_INVOKE(cr, got[0]);
	CHECK_EQ_INT(calls, NT);
	pthread_barrier_destroy(&bar);

	/* T32 */
	pthread_barrier_init(&bar, NULL, 2);
	pthread_create(&th[0], NULL, orderer, (void *)0);
	pthread_create(&th[1], NULL, orderer, (void *)(intptr_t)PER);
	pthread_join(th[0], NULL);
	pthread_join(th[1], NULL);
	pthread_barrier_destroy(&bar);
	IV_EVENTHANDLER_LIST_INVOKE(cr, iv_eventhandler_find_list("ord"));
	CHECK_EQ_INT(nseq, 2 * PER);
	for (i = 0; i < 2 * PER; i++) {
		int who = seq[i] >= PER;

		CHECK(seq[i] > last[who]);
		last[who] = seq[i];
	}

	iv_eventhandler_shutdown();
	return 0;
}
