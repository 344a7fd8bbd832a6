/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Two equally due timers that each cancel the other: one fires, loop ends. */

#include <iv.h>
#include "check.h"

/*
 * Both are collected into the same expired batch; the first handler
 * cancels the second, which must neither run nor leave the loop's count of
 * live objects off by one (that would hang iv_main()).
 */

static struct iv_timer timers[2];
static int fired;

static void timer_fired(void *cookie)
{
	struct iv_timer *other = cookie;

	fired++;
	if (iv_timer_registered(other))
		iv_timer_unregister(other);
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();

	for (i = 0; i < 2; i++) {
		IV_TIMER_INIT(&timers[i]);
		timers[i].expires = iv_now;
		timers[i].expires.tv_sec -= 1;
		timers[i].cookie = &timers[1 - i];
		timers[i].handler = timer_fired;
	}
	iv_timer_register(&timers[0]);
	iv_timer_register(&timers[1]);

	iv_main();
	CHECK_EQ_INT(fired, 1);
	CHECK(!iv_timer_registered(&timers[0]));
	CHECK(!iv_timer_registered(&timers[1]));

	iv_deinit();
	return 0;
}
