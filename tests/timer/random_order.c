/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* 20000 distinct expiries registered in random order fire ascending. */

#include <stdlib.h>
#include <iv.h>
#include "check.h"

#define NTIMERS	20000

static struct iv_timer *timers;
static long next;

/* A fixed-seed generator, so that a failure can be reproduced. */
static unsigned long long rng_state = 0x2545f4914f6cdd1dULL;

static unsigned long rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned long)(rng_state >> 11);
}

static void timer_fired(void *cookie)
{
	struct iv_timer *t = cookie;

	/* Timer i expires i microseconds after the base. */
	CHECK_EQ_INT(t - timers, next);
	next++;
}

int main(void)
{
	struct timespec base;
	long *perm;
	long i;

	TEST_BEGIN(30);
	iv_init();

	timers = calloc(NTIMERS, sizeof(*timers));
	perm = malloc(NTIMERS * sizeof(*perm));
	CHECK(timers != NULL && perm != NULL);
	for (i = 0; i < NTIMERS; i++)
		perm[i] = i;
	for (i = NTIMERS - 1; i > 0; i--) {
		long j = rng_next() % (i + 1);
		long tmp = perm[i];

		perm[i] = perm[j];
		perm[j] = tmp;
	}

	/* Some expiries are in the past, most within the next 15 ms. */
	base = iv_now;
	base.tv_sec -= 1;
	base.tv_nsec += 995 * 1000000L;
	if (base.tv_nsec >= 1000000000L) {
		base.tv_sec++;
		base.tv_nsec -= 1000000000L;
	}
	for (i = 0; i < NTIMERS; i++) {
		struct iv_timer *t = &timers[perm[i]];
		long long ns = base.tv_nsec + perm[i] * 1000LL;

		IV_TIMER_INIT(t);
		t->expires.tv_sec = base.tv_sec + ns / 1000000000L;
		t->expires.tv_nsec = ns % 1000000000L;
		t->cookie = t;
		t->handler = timer_fired;
		iv_timer_register(t);
	}

	iv_main();
	CHECK_EQ_INT(next, NTIMERS);

	free(perm);
	free(timers);
	iv_deinit();
	return 0;
}
