/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Timers days or centuries away neither fire early nor break the poll. */

#include <iv.h>
#include "check.h"

/*
 * Millisecond timeouts overflow an int after 24.8 days; a timer 100 days
 * or 300 years out must simply make the loop wait.  A near timer cancels
 * them after 50 ms, after which iv_main() returns.
 */

static struct iv_timer far[3];
static int far_fired;
static int near_fired;

static void far_handler(void *cookie)
{
	far_fired++;
}

static void near_handler(void *cookie)
{
	int i;

	near_fired++;
	for (i = 0; i < 3; i++) {
		CHECK(iv_timer_registered(&far[i]));
		iv_timer_unregister(&far[i]);
	}
}

int main(void)
{
	static const long days[] = { 25, 100, 300 * 365 };
	struct iv_timer near;
	int i;

	TEST_BEGIN(10);
	iv_init();

	for (i = 0; i < 3; i++) {
		IV_TIMER_INIT(&far[i]);
		far[i].expires = iv_now;
		far[i].expires.tv_sec += days[i] * 86400L;
		far[i].handler = far_handler;
		iv_timer_register(&far[i]);
	}
	IV_TIMER_INIT(&near);
	near.expires = iv_now;
	near.expires.tv_nsec += 50 * 1000000L;
	if (near.expires.tv_nsec >= 1000000000L) {
		near.expires.tv_sec++;
		near.expires.tv_nsec -= 1000000000L;
	}
	near.handler = near_handler;
	iv_timer_register(&near);

	iv_main();
	CHECK_EQ_INT(near_fired, 1);
	CHECK_EQ_INT(far_fired, 0);

	iv_deinit();
	return 0;
}
