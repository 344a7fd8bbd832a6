/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_quit() from a timer still runs that iteration's tasks, not fds. */

#include <iv.h>
#include "check.h"

/*
 * The quit check sits between the task phase and the poll.  A due timer
 * quits; the task registered before iv_main() still runs, the readable
 * fd is not dispatched.
 */

static char trace[8];
static int ntrace;

static void note(char c)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = c;
}

static void timer_quits(void *cookie)
{
	note('T');
	iv_quit();
}

static void task_ran(void *cookie)
{
	note('K');
}

static void fd_in(void *cookie)
{
	note('F');
}

int main(void)
{
	struct iv_timer t;
	struct iv_task task;
	struct iv_fd f;
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "x", 1) == 1);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	f.handler_in = fd_in;
	iv_fd_register(&f);
	IV_TASK_INIT(&task);
	task.handler = task_ran;
	iv_task_register(&task);
	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.handler = timer_quits;
	iv_timer_register(&t);

	iv_main();
	CHECK_EQ_STR(trace, "TK");

	iv_fd_unregister(&f);
	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
