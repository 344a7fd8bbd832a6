/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A freshly refreshed iv_now is close to clock_gettime(CLOCK_MONOTONIC). */

#include <time.h>
#include <iv.h>
#include "check.h"

static long long ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static void compare(void)
{
	struct timespec before, after, now;

	clock_gettime(CLOCK_MONOTONIC, &before);
	iv_invalidate_now();
	now = iv_now;
	clock_gettime(CLOCK_MONOTONIC, &after);
	CHECK(ts_ns(&now) >= ts_ns(&before) - 1000000LL);
	CHECK(ts_ns(&now) <= ts_ns(&after) + 1000000LL);
}

static void timer_fired(void *cookie)
{
	compare();
}

int main(void)
{
	struct iv_timer t;

	TEST_BEGIN(10);
	iv_init();
	compare();

	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_nsec += 10 * 1000000L;
	if (t.expires.tv_nsec >= 1000000000L) {
		t.expires.tv_sec++;
		t.expires.tv_nsec -= 1000000000L;
	}
	t.handler = timer_fired;
	iv_timer_register(&t);
	iv_main();
	compare();

	iv_deinit();
	return 0;
}
