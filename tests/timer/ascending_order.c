/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* 100000 timers 1 ns apart fire exactly in ascending expiry order. */

#include <stdlib.h>
#include <iv.h>
#include "check.h"

#define NTIMERS	100000

static struct iv_timer *timers;
static long next;

static void timer_fired(void *cookie)
{
	struct iv_timer *t = cookie;

	CHECK_EQ_INT(t - timers, next);
	next++;
}

int main(void)
{
	struct timespec base;
	long i;

	TEST_BEGIN(60);
	iv_init();

	timers = calloc(NTIMERS, sizeof(*timers));
	CHECK(timers != NULL);
	base = iv_now;
	for (i = 0; i < NTIMERS; i++) {
		struct iv_timer *t = &timers[i];

		IV_TIMER_INIT(t);
		t->expires.tv_sec = base.tv_sec;
		t->expires.tv_nsec = base.tv_nsec + i;
		if (t->expires.tv_nsec >= 1000000000L) {
			t->expires.tv_sec++;
			t->expires.tv_nsec -= 1000000000L;
		}
		t->cookie = t;
		t->handler = timer_fired;
		iv_timer_register(t);
	}

	iv_main();
	CHECK_EQ_INT(next, NTIMERS);

	free(timers);
	iv_deinit();
	return 0;
}
