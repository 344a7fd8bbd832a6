/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_deinit() abandons registered objects; a new loop starts out empty. */

#include <iv.h>
#include "check.h"

/*
 * An fd, a timer and a task are left registered at iv_deinit(): no
 * callback may run then or later.  After iv_init() the new loop has nothing
 * registered (iv_main() returns at once), and the same descriptor can be
 * registered again from fresh structs and works.
 */

static int stale_calls;
static int fresh_calls;
static struct iv_fd fresh;

static void stale(void *cookie)
{
	stale_calls++;
}

static void fresh_in(void *cookie)
{
	fresh_calls++;
	iv_fd_unregister(&fresh);
}

int main(void)
{
	struct iv_fd old_fd;
	struct iv_timer old_timer;
	struct iv_task old_task;
	int fds[2];

	TEST_BEGIN(10);
	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "x", 1) == 1);

	iv_init();
	IV_FD_INIT(&old_fd);
	old_fd.fd = fds[0];
	old_fd.handler_in = stale;
	iv_fd_register(&old_fd);
	IV_TIMER_INIT(&old_timer);
	old_timer.expires = iv_now;
	old_timer.handler = stale;
	iv_timer_register(&old_timer);
	IV_TASK_INIT(&old_task);
	old_task.handler = stale;
	iv_task_register(&old_task);
	iv_deinit();
	CHECK_EQ_INT(stale_calls, 0);

	iv_init();
	iv_main();
	CHECK_EQ_INT(stale_calls, 0);

	IV_FD_INIT(&fresh);
	fresh.fd = fds[0];
	fresh.handler_in = fresh_in;
	iv_fd_register(&fresh);
	iv_main();
	CHECK_EQ_INT(fresh_calls, 1);
	CHECK_EQ_INT(stale_calls, 0);

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
