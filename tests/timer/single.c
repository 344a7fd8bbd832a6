/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A 100 ms timer fires no earlier than its expiry, then iv_main() returns. */

#include <time.h>
#include <iv.h>
#include "check.h"

static struct timespec registered_at;
static int fired;

static long long ns_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000LL +
	       (b->tv_nsec - a->tv_nsec);
}

static void timer_fired(void *cookie)
{
	struct iv_timer *t = cookie;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	fired++;
	CHECK(ns_between(&registered_at, &now) >= 100 * 1000000LL);
	/* The cached time the timer phase used has reached the expiry. */
	CHECK(ns_between(&t->expires, &iv_now) >= 0);
	CHECK(!iv_timer_registered(t));
}

int main(void)
{
	struct iv_timer t;
	struct timespec done;

	TEST_BEGIN(10);
	iv_init();

	IV_TIMER_INIT(&t);
	iv_invalidate_now();
	t.expires = iv_now;
	clock_gettime(CLOCK_MONOTONIC, &registered_at);
	t.expires.tv_nsec += 100 * 1000000L;
	if (t.expires.tv_nsec >= 1000000000L) {
		t.expires.tv_sec++;
		t.expires.tv_nsec -= 1000000000L;
	}
	t.cookie = &t;
	t.handler = timer_fired;
	iv_timer_register(&t);
	CHECK(iv_timer_registered(&t));

	iv_main();
	clock_gettime(CLOCK_MONOTONIC, &done);
	CHECK_EQ_INT(fired, 1);
	/* ... and not wildly late either. */
	CHECK(ns_between(&registered_at, &done) < 3000 * 1000000LL);

	iv_deinit();
	return 0;
}
