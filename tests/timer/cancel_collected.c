/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A due timer not yet run is still registered and can be cancelled. */

#include <iv.h>
#include "check.h"

/*
 * Three timers are due in the same batch, expiring in the order 1, 2, 3.
 * The handler of 1 sees 2 still registered and cancels it: 2 must not run,
 * 3 must, and iv_main() must return once 3 has run.
 */

static struct iv_timer t[3];
static char trace[8];
static int ntrace;

static void timer_fired(void *cookie)
{
	int i = (struct iv_timer *)cookie - t;

	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = '1' + i;
	CHECK_EQ_INT(iv_timer_registered(&t[i]), 0);
	if (i == 0) {
		CHECK_EQ_INT(iv_timer_registered(&t[1]), 1);
		CHECK_EQ_INT(iv_timer_registered(&t[2]), 1);
		iv_timer_unregister(&t[1]);
		CHECK_EQ_INT(iv_timer_registered(&t[1]), 0);
	}
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();

	for (i = 0; i < 3; i++) {
		IV_TIMER_INIT(&t[i]);
		t[i].expires = iv_now;
		t[i].expires.tv_sec -= 1;
		t[i].expires.tv_nsec = i;
		t[i].cookie = &t[i];
		t[i].handler = timer_fired;
	}
	iv_timer_register(&t[2]);
	iv_timer_register(&t[0]);
	iv_timer_register(&t[1]);

	iv_main();
	CHECK_EQ_STR(trace, "13");

	iv_deinit();
	return 0;
}
