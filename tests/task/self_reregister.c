/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A self re-registering task runs once per iteration and starves nothing. */

#include <iv.h>
#include "check.h"

/*
 * A task K re-registers itself, a due timer T re-arms itself at iv_now,
 * and an fd F stays readable.  Every iteration must run each of them
 * exactly once, in the order timer, task, fd.
 */

static struct iv_task k;
static struct iv_timer t;
static struct iv_fd f;
static char trace[32];
static int ntrace;
static int calls_f;

static void note(char ch)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = ch;
}

static void task_k(void *cookie)
{
	note('K');
	iv_task_register(&k);
}

static void timer_tick(void *cookie)
{
	note('T');
	t.expires = iv_now;
	iv_timer_register(&t);
}

static void fd_in(void *cookie)
{
	note('F');
	if (++calls_f == 5) {
		iv_fd_unregister(&f);
		iv_task_unregister(&k);
		iv_timer_unregister(&t);
	}
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
	IV_TASK_INIT(&k);
	k.handler = task_k;
	iv_task_register(&k);
	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.handler = timer_tick;
	iv_timer_register(&t);

	iv_main();
	CHECK_EQ_STR(trace, "TKFTKFTKFTKFTKF");

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
