/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Timers with equal expiry fire in registration order (Liana). */

#include <iv.h>
#include "check.h"

/*
 * ivykis 0.42 fires equal expiries in binary-heap order (observed
 * 0 9 8 7 ... 1 for ten timers), so this test fails against it; Liana
 * breaks ties first-in, first-out.  Checked twice: ten timers already due,
 * and 100 timers due 20 ms from now, registered interleaved with timers of
 * other expiries that must not disturb the tie order.
 */

#define NEQUAL	100

static struct iv_timer equal[NEQUAL];
static struct iv_timer others[NEQUAL];
static int next;
static int nexpected;

static void equal_fired(void *cookie)
{
	struct iv_timer *t = cookie;

	CHECK_EQ_INT(t - equal, next);
	next++;
}

static void other_fired(void *cookie)
{
}

static void run(int n, long delay_ms)
{
	struct timespec when = iv_now;
	int i;

	when.tv_nsec += delay_ms * 1000000L;
	while (when.tv_nsec >= 1000000000L) {
		when.tv_sec++;
		when.tv_nsec -= 1000000000L;
	}
	if (delay_ms == 0)
		when.tv_sec -= 1;
	next = 0;
	nexpected = n;
	for (i = 0; i < n; i++) {
		IV_TIMER_INIT(&equal[i]);
		equal[i].expires = when;
		equal[i].cookie = &equal[i];
		equal[i].handler = equal_fired;
		iv_timer_register(&equal[i]);

		/* Alternately a little earlier and a little later. */
		IV_TIMER_INIT(&others[i]);
		others[i].expires = when;
		if (i & 1) {
			others[i].expires.tv_nsec += 1 + i;
			if (others[i].expires.tv_nsec >= 1000000000L) {
				others[i].expires.tv_sec++;
				others[i].expires.tv_nsec -= 1000000000L;
			}
		} else {
			others[i].expires.tv_sec--;
		}
		others[i].handler = other_fired;
		iv_timer_register(&others[i]);
	}
	iv_main();
	CHECK_EQ_INT(next, nexpected);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	run(10, 0);
	run(NEQUAL, 20);

	iv_deinit();
	return 0;
}
