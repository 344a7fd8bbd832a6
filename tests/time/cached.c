/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_now is cached during a callback; iv_invalidate_now() refreshes it. */

#include <time.h>
#include <iv.h>
#include "check.h"

static int ran;

static long long ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static void busy_wait_ms(long ms)
{
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do
		clock_gettime(CLOCK_MONOTONIC, &now);
	while (ts_ns(&now) - ts_ns(&start) < ms * 1000000LL);
}

static void task_ran(void *cookie)
{
	struct timespec a, b, c;

	ran++;
	a = iv_now;
	busy_wait_ms(20);
	b = iv_now;
	CHECK_EQ_INT(ts_ns(&a), ts_ns(&b));

	iv_invalidate_now();
	c = iv_now;
	CHECK(ts_ns(&c) - ts_ns(&a) >= 20 * 1000000LL);
}

int main(void)
{
	struct iv_task task;

	TEST_BEGIN(10);
	iv_init();

	IV_TASK_INIT(&task);
	task.handler = task_ran;
	iv_task_register(&task);
	iv_main();
	CHECK_EQ_INT(ran, 1);

	iv_deinit();
	return 0;
}
