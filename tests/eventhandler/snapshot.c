/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* T33: every invocation calls exactly the handlers of its snapshot. */

/*
 * One global clock orders everything.  Writers stamp the clock before and
 * after each register and deregister; invokers stamp it before and after
 * each invocation; handlers stamp it when they run.  Afterwards every
 * invocation is checked against the intervals:
 *  - a handler whose deregister returned before it ran was called late;
 *  - a handler whose register began after the invocation's first handler
 *    ran cannot be in the snapshot, which was taken before that;
 *  - a handler registered before the invocation and not deregistered
 *    until after it must have been called, exactly once;
 *  - calls come in priority order, FIFO among equal priorities.
 */

#include <stdlib.h>
#include <string.h>
#include "eh_test.h"

typedef void (*sn_fn)(void *);
IV_EVENTHANDLER_DECLARE(sn, sn_fn);

#define NWRITERS	2
#define NREADERS	2
#define SLOTS		16		/* per writer */
#define MAXINC		60000
#define MAXINV		20000
#define MAXCALLS	(MAXINV * SLOTS * NWRITERS)
#define NEVER		UINT64_MAX

struct inc {
	int		slot;
	int		pri;
	uint64_t	ra, rb, da, db;
};

struct call {
	uint32_t	inc;
	uint64_t	stamp;
};

struct inv {
	uint64_t	ia, ib;
	uint32_t	first, n;
};

struct reader {
	pthread_t	th;
	struct call	*calls;
	uint32_t	ncalls;
	struct inv	*invs;
	uint32_t	ninvs;
	int		overflow;
};

static struct iv_eventhandler_list *L;
static struct inc incs[MAXINC];
static uint32_t ninc;
static uint64_t clk = 1;
static int stop;
static __thread struct reader *me;

/* Incarnations of each slot, in order. */
static uint32_t *slot_incs[NWRITERS * SLOTS];
static uint32_t slot_n[NWRITERS * SLOTS];

static uint64_t tick(void)
{
	return __atomic_fetch_add(&clk, 1, __ATOMIC_SEQ_CST);
}

static void handler(void *arg)
{
	struct reader *r = me;

	if (r->ncalls == MAXCALLS) {
		r->overflow = 1;
		return;
	}
	r->calls[r->ncalls].inc = (uint32_t)(uintptr_t)arg;
	r->calls[r->ncalls].stamp = tick();
	r->ncalls++;
}

static void *writer(void *arg)
{
	int w = (int)(intptr_t)arg;
	iv_eventhandler_tag tag[SLOTS] = { NULL };
	uint32_t cur[SLOTS] = { 0 };
	unsigned int seed = 7 + w;

	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		int s = rand_r(&seed) % SLOTS;
		struct inc *x;
		uint32_t i;

		/* A few slots change rarely, so most invocations see them
		 * present throughout and must call them. */
		if (s < 4 && rand_r(&seed) % 256 != 0)
			continue;

		if (tag[s] != NULL) {
			x = &incs[cur[s]];
			x->da = tick();
			CHECK_EQ_INT(iv_eventhandler_deregister(L, tag[s]), 0);
			x->db = tick();
			tag[s] = NULL;
			continue;
		}
		i = __atomic_fetch_add(&ninc, 1, __ATOMIC_RELAXED);
		if (i >= MAXINC) {
			__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
			break;
		}
		x = &incs[i];
		x->slot = w * SLOTS + s;
		x->pri = rand_r(&seed) % 4;
		x->da = x->db = NEVER;
		x->ra = tick();
		tag[s] = iv_eventhandler_register(L, NULL,
						  (iv_eventhandler_fn)handler,
						  (void *)(uintptr_t)i, x->pri);
		x->rb = tick();
		CHECK(tag[s] != NULL);
		cur[s] = i;
	}
	return NULL;
}

static void *reader(void *arg)
{
	struct reader *r = arg;

	me = r;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED) &&
	       r->ninvs < MAXINV) {
		struct inv *v = &r->invs[r->ninvs];

		v->first = r->ncalls;
		v->ia = tick();
		IV_EVENTHANDLER_LIST_INVOKE(sn, L);
		v->ib = tick();
		v->n = r->ncalls - v->first;
		r->ninvs++;
	}
	return NULL;
}

/* The incarnation of slot s registered last before t, or NULL. */
static struct inc *active_at(int s, uint64_t t)
{
	uint32_t lo = 0, hi = slot_n[s];

	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;

		if (incs[slot_incs[s][mid]].rb < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? NULL : &incs[slot_incs[s][lo - 1]];
}

static unsigned long check_reader(struct reader *r, unsigned char *seen)
{
	unsigned long checked = 0;
	uint32_t k, j;
	int s;

	CHECK(!r->overflow);
	for (k = 0; k < r->ninvs; k++) {
		struct inv *v = &r->invs[k];
		struct call *c = &r->calls[v->first];
		uint64_t first = v->n ? c[0].stamp : v->ib;

		for (j = 0; j < v->n; j++) {
			struct inc *x = &incs[c[j].inc];

			CHECK(!seen[c[j].inc]);
			seen[c[j].inc] = 1;
			/* Deregistered before being reached: must not run. */
			CHECK(x->db == NEVER || x->db > c[j].stamp);
			/* Registered after the snapshot: must not run. */
			CHECK(x->ra < first);
			if (j > 0) {
				struct inc *p = &incs[c[j - 1].inc];

				CHECK(p->pri <= x->pri);
				if (p->pri == x->pri)
					CHECK(!(x->rb < p->ra));
			}
		}
		/* Present throughout: must have run. */
		for (s = 0; s < NWRITERS * SLOTS; s++) {
			struct inc *x = active_at(s, v->ia);

			if (x == NULL || (x->da != NEVER && x->da < v->ib))
				continue;
			CHECK(seen[x - incs]);
			checked++;
		}
		for (j = 0; j < v->n; j++)
			seen[c[j].inc] = 0;
	}
	return checked;
}

int main(void)
{
	struct reader rd[NREADERS];
	pthread_t wt[NWRITERS];
	unsigned long checked = 0;
	unsigned char *seen;
	uint32_t i, n;
	int k;

	TEST_BEGIN(60);

	L = iv_eventhandler_create_list("sn");
	CHECK(L != NULL);
	for (k = 0; k < NWRITERS; k++)
		pthread_create(&wt[k], NULL, writer, (void *)(intptr_t)k);
	while (iv_eventhandler_count(L) < 8)
		eh_sleep_ms(1);
	for (k = 0; k < NREADERS; k++) {
		memset(&rd[k], 0, sizeof(rd[k]));
		rd[k].calls = malloc(MAXCALLS * sizeof(struct call));
		rd[k].invs = malloc(MAXINV * sizeof(struct inv));
		CHECK(rd[k].calls != NULL && rd[k].invs != NULL);
		pthread_create(&rd[k].th, NULL, reader, &rd[k]);
	}
	eh_sleep_ms(500);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (k = 0; k < NWRITERS; k++)
		pthread_join(wt[k], NULL);
	for (k = 0; k < NREADERS; k++)
		pthread_join(rd[k].th, NULL);

	n = ninc < MAXINC ? ninc : MAXINC;
	for (k = 0; k < NWRITERS * SLOTS; k++) {
		slot_incs[k] = malloc((n + 1) * sizeof(uint32_t));
		CHECK(slot_incs[k] != NULL);
	}
	for (i = 0; i < n; i++)
		slot_incs[incs[i].slot][slot_n[incs[i].slot]++] = i;
	seen = calloc(n + 1, 1);
	CHECK(seen != NULL);
	for (k = 0; k < NREADERS; k++)
		checked += check_reader(&rd[k], seen);
	fprintf(stderr, "%u calls, ", rd[0].ncalls + rd[1].ncalls);
	fprintf(stderr, "%u registrations, %u+%u invocations, %lu presence "
		"checks (%s)\n", n, rd[0].ninvs, rd[1].ninvs, checked,
		iv_eventhandler_read_path());
	CHECK(rd[0].ninvs > 0 && n > 0 && checked > 0);

	free(seen);
	for (k = 0; k < NWRITERS * SLOTS; k++)
		free(slot_incs[k]);
	for (k = 0; k < NREADERS; k++) {
		free(rd[k].calls);
		free(rd[k].invs);
	}
	CHECK_EQ_INT(iv_eventhandler_deregister_all(L), 0);
	iv_eventhandler_shutdown();
	return 0;
}
