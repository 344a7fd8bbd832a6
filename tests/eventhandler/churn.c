/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* T34: 4 invokers and 2 churning writers for 2 s; invariants, no garbage. */

#include <stdlib.h>
#include "eh_test.h"

typedef void (*ch_fn)(void *);
IV_EVENTHANDLER_DECLARE(ch, ch_fn);

#define NINV		4
#define NCHURN		2
#define PER_CHURNER	16
#define GRAVE		4096

struct h {
	struct canary	c;
	int		pri;
};

/* Handlers deregistered without waiting: freed once invokers are gone. */
struct churner {
	unsigned long	ops;
	int		ngrave;
	struct h	*grave[GRAVE];
};

static struct iv_eventhandler_list *L;
static struct churner cs[NCHURN];
static int stop;
static __thread int last_pri;
static __thread unsigned long firsts, lasts;

static void first(void *arg)
{
	CHECK_EQ_INT(last_pri, -1);
	last_pri = IV_EVENTHANDLER_PRI_FIRST;
	firsts++;
}

static void last(void *arg)
{
	CHECK(last_pri <= IV_EVENTHANDLER_PRI_LAST);
	last_pri = IV_EVENTHANDLER_PRI_LAST;
	lasts++;
}

static void middle(void *arg)
{
	struct h *h = arg;

	canary_check(&h->c);
	CHECK(h->pri >= last_pri);
	last_pri = h->pri;
}

static void *invoker(void *arg)
{
	unsigned long *rounds = arg;
	unsigned long n = 0;

	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		last_pri = -1;
		IV_EVENTHANDLER_LIST_INVOKE(ch, L);
		n++;
		CHECK_EQ_INT(firsts, n);
		CHECK_EQ_INT(lasts, n);
	}
	*rounds = n;
	return NULL;
}

static struct h *h_new(int pri)
{
	struct h *h = malloc(sizeof(*h));

	CHECK(h != NULL);
	__atomic_store_n(&h->c.magic, CANARY_LIVE, __ATOMIC_RELAXED);
	h->pri = pri;
	return h;
}

static void h_kill(struct h *h)
{
	canary_kill(&h->c);
	free(h);
}

static void *churner(void *arg)
{
	struct churner *me = arg;
	iv_eventhandler_tag tag[PER_CHURNER] = { NULL };
	struct h *hs[PER_CHURNER] = { NULL };
	unsigned int seed = (unsigned int)(uintptr_t)arg;
	unsigned long n = 0;
	int i;

	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		int s = rand_r(&seed) % PER_CHURNER;
		int op = rand_r(&seed) % 16;

		if (tag[s] == NULL) {
			hs[s] = h_new(1 + rand_r(&seed) % 4);
			tag[s] = iv_eventhandler_register(L, NULL,
					(iv_eventhandler_fn)middle, hs[s],
					hs[s]->pri);
			CHECK(tag[s] != NULL);
		} else if (op == 0 && me->ngrave < GRAVE) {
			/* No waiting: the handler may still run; keep it. */
			CHECK_EQ_INT(iv_eventhandler_deregister_nowait(L,
								tag[s]), 0);
			me->grave[me->ngrave++] = hs[s];
			tag[s] = NULL;
		} else {
			CHECK_EQ_INT(iv_eventhandler_deregister(L, tag[s]), 0);
			h_kill(hs[s]);
			tag[s] = NULL;
		}
		if (op == 1)
			iv_eventhandler_prune_list(L);
		n++;
	}
	for (i = 0; i < PER_CHURNER; i++) {
		if (tag[i] != NULL) {
			CHECK_EQ_INT(iv_eventhandler_deregister(L, tag[i]), 0);
			h_kill(hs[i]);
		}
	}
	me->ops = n;
	return NULL;
}

int main(void)
{
	unsigned long rounds[NINV];
	pthread_t ti[NINV], tc[NCHURN];
	iv_eventhandler_tag tf, tl, t;
	int i;

	TEST_BEGIN(30);

	L = iv_eventhandler_create_list("ch");
	CHECK(L != NULL);
	tl = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)last, NULL,
				      IV_EVENTHANDLER_PRI_LAST);
	tf = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)first,
				      NULL, IV_EVENTHANDLER_PRI_FIRST);
	CHECK(tf != NULL && tl != NULL);

	for (i = 0; i < NINV; i++)
		pthread_create(&ti[i], NULL, invoker, &rounds[i]);
	for (i = 0; i < NCHURN; i++)
		pthread_create(&tc[i], NULL, churner, &cs[i]);
	eh_sleep_ms(2000);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < NINV; i++)
		pthread_join(ti[i], NULL);
	for (i = 0; i < NCHURN; i++) {
		int k;

		pthread_join(tc[i], NULL);
		for (k = 0; k < cs[i].ngrave; k++)
			h_kill(cs[i].grave[k]);
	}
	fprintf(stderr, "invocations %lu %lu %lu %lu, writes %lu %lu (%s)\n",
		rounds[0], rounds[1], rounds[2], rounds[3], cs[0].ops,
		cs[1].ops, iv_eventhandler_read_path());
	for (i = 0; i < NINV; i++)
		CHECK(rounds[i] > 0);
	CHECK(cs[0].ops > 0 && cs[1].ops > 0);

	/* Quiescent: only the two sentinels, no garbage left behind. */
	CHECK_EQ_INT(iv_eventhandler_count(L), 2);
	t = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)middle,
				     NULL, 1);
	CHECK_EQ_INT(iv_eventhandler_deregister(L, t), 0);
	CHECK_EQ_INT(iv_eventhandler_prune_list(L), 0);
	CHECK_EQ_INT(iv_eventhandler__retired(), 0);
	last_pri = -1;
	IV_EVENTHANDLER_LIST_INVOKE(ch, L);
	CHECK_EQ_INT(firsts, 1);
	CHECK_EQ_INT(lasts, 1);

	CHECK_EQ_INT(iv_eventhandler_deregister(L, tf), 0);
	CHECK_EQ_INT(iv_eventhandler_deregister(L, tl), 0);
	CHECK_EQ_INT(iv_eventhandler_count(L), 0);
	iv_eventhandler_shutdown();
	return 0;
}
