/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A collected timer cancelled and re-armed by an earlier one runs later. */

#include <iv.h>
#include "check.h"

/*
 * Timers 1 and 2 are due in the same batch.  Timer 1 cancels 2 and
 * registers it again with an expiry in the past.  Timer 2 must not run from
 * the old batch, and must run exactly once in the next iteration, after the
 * fd phase (F) of this one.
 */

static struct iv_timer t1, t2;
static struct iv_fd f;
static char trace[16];
static int ntrace;

static void note(char c)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = c;
}

static void timer_1(void *cookie)
{
	note('1');
	CHECK(iv_timer_registered(&t2));
	iv_timer_unregister(&t2);
	t2.expires = iv_now;
	t2.expires.tv_sec -= 5;
	iv_timer_register(&t2);
	CHECK(iv_timer_registered(&t2));
}

static void timer_2(void *cookie)
{
	note('2');
}

static void fd_in(void *cookie)
{
	note('F');
	if (ntrace == 4)
		iv_fd_unregister(&f);
}

int main(void)
{
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "x", 1) == 1);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	f.handler_in = fd_in;
	iv_fd_register(&f);

	IV_TIMER_INIT(&t1);
	t1.expires = iv_now;
	t1.expires.tv_sec -= 2;
	t1.handler = timer_1;
	iv_timer_register(&t1);
	IV_TIMER_INIT(&t2);
	t2.expires = iv_now;
	t2.expires.tv_sec -= 1;
	t2.handler = timer_2;
	iv_timer_register(&t2);

	iv_main();
	CHECK_EQ_STR(trace, "1F2F");

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
