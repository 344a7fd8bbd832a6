/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unregistering timers from the middle of 10000 keeps the order right. */

#include <stdlib.h>
#include <iv.h>
#include "check.h"

/*
 * 10000 timers with distinct expiries (i microseconds after a base) are
 * registered in a random order.  Before the loop every third one is
 * unregistered; while it runs, the handler of every timer divisible by 7
 * unregisters the timer five places later if it is still registered.
 * The survivors must fire in ascending order and nothing else may fire.
 */

#define NTIMERS	10000

static struct iv_timer *timers;
static char *cancelled;
static long last = -1;
static long nfired;

static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned long rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned long)(rng_state >> 11);
}

static void timer_fired(void *cookie)
{
	long i = (struct iv_timer *)cookie - timers;

	CHECK(!cancelled[i]);
	CHECK(i > last);
	last = i;
	nfired++;
	if (i % 7 == 0 && i + 5 < NTIMERS &&
	    iv_timer_registered(&timers[i + 5])) {
		iv_timer_unregister(&timers[i + 5]);
		cancelled[i + 5] = 1;
	}
}

int main(void)
{
	struct timespec base;
	long *perm;
	long expected;
	long i;

	TEST_BEGIN(30);
	iv_init();

	timers = calloc(NTIMERS, sizeof(*timers));
	cancelled = calloc(NTIMERS, 1);
	perm = malloc(NTIMERS * sizeof(*perm));
	CHECK(timers != NULL && cancelled != NULL && perm != NULL);
	for (i = 0; i < NTIMERS; i++)
		perm[i] = i;
	for (i = NTIMERS - 1; i > 0; i--) {
		long j = rng_next() % (i + 1);
		long tmp = perm[i];

		perm[i] = perm[j];
		perm[j] = tmp;
	}

	base = iv_now;
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
	/* Unregister in the random order too, so holes appear everywhere. */
	for (i = 0; i < NTIMERS; i++) {
		if (perm[i] % 3 == 0) {
			iv_timer_unregister(&timers[perm[i]]);
			cancelled[perm[i]] = 1;
			CHECK(!iv_timer_registered(&timers[perm[i]]));
		}
	}

	iv_main();

	expected = 0;
	for (i = 0; i < NTIMERS; i++)
		if (!cancelled[i])
			expected++;
	CHECK_EQ_INT(nfired, expected);
	CHECK(expected > NTIMERS / 2);

	free(perm);
	free(cancelled);
	free(timers);
	iv_deinit();
	return 0;
}
