/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* An fd registered (already ready) from a handler is called next iteration. */

#include <iv.h>
#include "check.h"

/*
 * fd 1's handler unregisters itself, registers fd 2 (whose pipe already
 * holds data) and a task.  fd 2 must not be dispatched from the current
 * batch: its first call comes in the next iteration, after the task.
 */

static struct iv_fd f1, f2;
static struct iv_task task;
static char trace[8];
static int ntrace;

static void note(char c)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = c;
}

static void in_1(void *cookie)
{
	note('1');
	iv_fd_unregister(&f1);
	iv_fd_register(&f2);
	iv_task_register(&task);
}

static void in_2(void *cookie)
{
	note('2');
	iv_fd_unregister(&f2);
}

static void task_ran(void *cookie)
{
	note('T');
}

int main(void)
{
	int p1[2], p2[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(p1) == 0);
	CHECK(pipe(p2) == 0);
	CHECK(write(p1[1], "x", 1) == 1);
	CHECK(write(p2[1], "x", 1) == 1);
	IV_FD_INIT(&f1);
	f1.fd = p1[0];
	f1.handler_in = in_1;
	iv_fd_register(&f1);
	IV_FD_INIT(&f2);
	f2.fd = p2[0];
	f2.handler_in = in_2;
	IV_TASK_INIT(&task);
	task.handler = task_ran;

	iv_main();
	CHECK_EQ_STR(trace, "1T2");

	close(p1[0]);
	close(p1[1]);
	close(p2[0]);
	close(p2[1]);
	iv_deinit();
	return 0;
}
