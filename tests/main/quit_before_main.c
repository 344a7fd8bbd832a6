/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* An iv_quit() issued before iv_main() is forgotten when iv_main() starts. */

#include <iv.h>
#include "check.h"

static int fired;

static void timer_fired(void *cookie)
{
	fired++;
}

int main(void)
{
	struct iv_timer t;

	TEST_BEGIN(10);
	iv_init();

	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_nsec += 50 * 1000 * 1000;
	if (t.expires.tv_nsec >= 1000000000) {
		t.expires.tv_sec++;
		t.expires.tv_nsec -= 1000000000;
	}
	t.handler = timer_fired;
	iv_timer_register(&t);

	iv_quit();
	iv_main();

	/* The loop ran until the timer was gone, not stopped at once. */
	CHECK_EQ_INT(fired, 1);
	CHECK(!iv_timer_registered(&t));

	iv_deinit();
	return 0;
}
