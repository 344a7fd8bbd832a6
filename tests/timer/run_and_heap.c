/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Timers kept on the ascending run and on the heap fire in one order. */

#include <iv.h>
#include "check.h"

/*
 * Liana keeps timers whose expiry is not before the latest one armed on
 * an ascending list, and the rest on a heap.  Whatever the split, the
 * firing order must be by expiry, then by registration: here with equal
 * expiries on both structures, cancellations from both, and a timer
 * cancelled from the middle of the list while others stay.
 */

#define N 9

static struct iv_timer t[N];
static char order[N + 1];
static int nfired;

static void fired(void *cookie)
{
	order[nfired++] = *(const char *)cookie;
}

static void arm(int i, long offset_ms)
{
	static char names[N] = "ABCDEFGHI";

	IV_TIMER_INIT(&t[i]);
	t[i].expires = iv_now;
	t[i].expires.tv_sec -= 1;
	t[i].expires.tv_nsec += offset_ms * 1000000L;
	if (t[i].expires.tv_nsec >= 1000000000L) {
		t[i].expires.tv_sec++;
		t[i].expires.tv_nsec -= 1000000000L;
	}
	t[i].cookie = (void *)&names[i];
	t[i].handler = fired;
	iv_timer_register(&t[i]);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();
	iv_validate_now();

	/* All relative to one cached now: offsets in ms past now - 1 s,
	 * so everything is already due when the loop starts. */
	arm(0, 100);	/* A: 100 */
	arm(1, 50);	/* B:  50, earlier than A */
	arm(2, 100);	/* C: 100, equal to A */
	arm(3, 100);	/* D: 100 */
	arm(4, 70);	/* E:  70 */
	arm(5, 120);	/* F: 120 */
	arm(6, 100);	/* G: 100, after F was armed */
	arm(7, 110);	/* H: 110, to be cancelled */
	arm(8, 60);	/* I:  60, to be cancelled */

	iv_timer_unregister(&t[7]);
	iv_timer_unregister(&t[8]);
	CHECK(!iv_timer_registered(&t[7]));
	CHECK(!iv_timer_registered(&t[8]));
	CHECK(iv_timer_registered(&t[2]));

	iv_main();

	CHECK_EQ_STR(order, "BEACDGF");
	iv_deinit();
	return 0;
}
