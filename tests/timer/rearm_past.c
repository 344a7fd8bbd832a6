/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A timer re-armed in the past from its handler runs in the next iteration. */

#include <iv.h>
#include "check.h"

/*
 * A and B are due, A first.  A re-arms itself even further in the past.
 * Expired timers are collected before any runs, so B still runs in this
 * batch and A only after the fd phase (F), once per iteration.
 */

static struct iv_timer a, b;
static struct iv_fd f;
static char trace[16];
static int ntrace;
static int runs_a;

static void note(char ch)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = ch;
}

static void timer_a(void *cookie)
{
	note('A');
	if (++runs_a < 3) {
		a.expires.tv_sec -= 10;
		iv_timer_register(&a);
	}
}

static void timer_b(void *cookie)
{
	note('B');
}

static void fd_in(void *cookie)
{
	note('F');
	if (runs_a == 3)
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

	IV_TIMER_INIT(&a);
	a.expires = iv_now;
	a.expires.tv_sec -= 2;
	a.handler = timer_a;
	iv_timer_register(&a);
	IV_TIMER_INIT(&b);
	b.expires = iv_now;
	b.expires.tv_sec -= 1;
	b.handler = timer_b;
	iv_timer_register(&b);

	iv_main();
	CHECK_EQ_STR(trace, "ABFAFAF");

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
