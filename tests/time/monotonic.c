/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_now never goes backwards and has reached a fired timer's expiry. */

#include <iv.h>
#include "check.h"

static struct iv_timer t;
static struct timespec last;
static int fired;

static int ts_cmp(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	if (a->tv_nsec != b->tv_nsec)
		return a->tv_nsec < b->tv_nsec ? -1 : 1;
	return 0;
}

static void timer_fired(void *cookie)
{
	struct timespec now = iv_now;

	CHECK(ts_cmp(&last, &now) <= 0);
	CHECK(ts_cmp(&t.expires, &now) <= 0);
	CHECK(now.tv_nsec >= 0 && now.tv_nsec < 1000000000L);
	last = now;
	if (++fired < 50) {
		t.expires = now;
		t.expires.tv_nsec += 1000000L;
		if (t.expires.tv_nsec >= 1000000000L) {
			t.expires.tv_sec++;
			t.expires.tv_nsec -= 1000000000L;
		}
		iv_timer_register(&t);
	}
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	last = iv_now;
	IV_TIMER_INIT(&t);
	t.expires = last;
	t.handler = timer_fired;
	iv_timer_register(&t);

	iv_main();
	CHECK_EQ_INT(fired, 50);
	iv_invalidate_now();
	CHECK(ts_cmp(&last, &iv_now) <= 0);

	iv_deinit();
	return 0;
}
