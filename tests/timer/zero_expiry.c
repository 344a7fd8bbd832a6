/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A timer at {0, 0} re-registered 100 times from its handler always fires. */

#include <iv.h>
#include "check.h"

/* A deadline of zero must not be mistaken for "no deadline" by a timerfd. */

static struct iv_timer t;
static int fired;

static void timer_fired(void *cookie)
{
	if (++fired < 100) {
		t.expires.tv_sec = 0;
		t.expires.tv_nsec = 0;
		iv_timer_register(&t);
	}
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	IV_TIMER_INIT(&t);
	t.expires.tv_sec = 0;
	t.expires.tv_nsec = 0;
	t.handler = timer_fired;
	iv_timer_register(&t);

	iv_main();
	CHECK_EQ_INT(fired, 100);

	iv_deinit();
	return 0;
}
