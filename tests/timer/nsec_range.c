/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* tv_nsec outside 0..999999999 is fatal at iv_timer_register() (Liana). */

#include <iv.h>
#include "fatal_helper.h"

/*
 * ivykis 0.42 accepts such a timer and may abort much later inside the
 * timerfd code, so the fatal cases fail against it.  The edge values 0
 * and 999999999 are valid and must fire normally.
 */

static void handler(void *cookie)
{
	(*(int *)cookie)++;
}

static void register_nsec(void *arg)
{
	struct iv_timer t;

	iv_init();
	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_nsec = *(long *)arg;
	t.handler = handler;
	iv_timer_register(&t);
}

int main(void)
{
	long too_big = 1000000000L;
	long negative = -1;
	struct iv_timer t[2];
	int fired = 0;

	TEST_BEGIN(20);
	expect_fatal_prefix(register_nsec, &too_big, "iv_timer_register: ");
	expect_fatal_prefix(register_nsec, &negative, "iv_timer_register: ");

	iv_init();
	IV_TIMER_INIT(&t[0]);
	t[0].expires = iv_now;
	t[0].expires.tv_sec -= 1;
	t[0].expires.tv_nsec = 0;
	t[0].cookie = &fired;
	t[0].handler = handler;
	iv_timer_register(&t[0]);
	IV_TIMER_INIT(&t[1]);
	t[1].expires = iv_now;
	t[1].expires.tv_sec -= 1;
	t[1].expires.tv_nsec = 999999999L;
	t[1].cookie = &fired;
	t[1].handler = handler;
	iv_timer_register(&t[1]);
	iv_main();
	CHECK_EQ_INT(fired, 2);
	iv_deinit();
	return 0;
}
