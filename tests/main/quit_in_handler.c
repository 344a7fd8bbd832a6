/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_quit() in an fd handler returns only after the batch and next phases. */

#include <iv.h>
#include "check.h"

/*
 * Two pipes are readable.  The first fd handler calls iv_quit() and
 * registers a due timer and a task.  iv_main() must still finish the fd
 * batch (the other fd's handler runs), then run the next iteration's timer
 * and task phases, and only then return.  A far-away watchdog timer keeps
 * a timeout on every poll so that the timer phase is not skipped.
 */

static struct iv_fd fds[2];
static struct iv_timer due;
static struct iv_task task;
static char trace[16];
static int ntrace;

static void note(char c)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = c;
}

static void fd_in(void *cookie)
{
	note('F');
	if (!iv_task_registered(&task)) {
		iv_quit();
		iv_task_register(&task);
		due.expires = iv_now;
		iv_timer_register(&due);
	}
}

static void due_fired(void *cookie)
{
	note('T');
}

static void task_ran(void *cookie)
{
	note('K');
}

static void watchdog_fired(void *cookie)
{
	CHECK(!"iv_main() did not return");
}

int main(void)
{
	struct iv_timer watchdog;
	int p[2][2];
	int i;

	TEST_BEGIN(10);
	iv_init();

	for (i = 0; i < 2; i++) {
		CHECK(pipe(p[i]) == 0);
		CHECK(write(p[i][1], "x", 1) == 1);
		IV_FD_INIT(&fds[i]);
		fds[i].fd = p[i][0];
		fds[i].handler_in = fd_in;
		iv_fd_register(&fds[i]);
	}
	IV_TIMER_INIT(&due);
	due.handler = due_fired;
	IV_TASK_INIT(&task);
	task.handler = task_ran;
	IV_TIMER_INIT(&watchdog);
	watchdog.expires = iv_now;
	watchdog.expires.tv_sec += 8;
	watchdog.handler = watchdog_fired;
	iv_timer_register(&watchdog);

	iv_main();

	CHECK_EQ_STR(trace, "FFTK");

	iv_timer_unregister(&watchdog);
	for (i = 0; i < 2; i++) {
		iv_fd_unregister(&fds[i]);
		close(p[i][0]);
		close(p[i][1]);
	}
	iv_deinit();
	return 0;
}
