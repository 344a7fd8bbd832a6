/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* An application EXCLUSIVE SIGCHLD registration takes every SIGCHLD, yet
 * a death is still reported, through the interest's pidfd. */

/*
 * Liana only.  Skipped where pidfd_open() is missing (old kernels, and
 * valgrind 3.19, which does not know the system call): there, such a
 * registration starves iv_wait, as documented.
 */

#include <iv_signal.h>
#include <sys/syscall.h>
#include "wait_util.h"

static struct iv_wait_interest w;
static struct iv_signal app;
static int app_calls;
static int calls;

static void app_sigchld(void *cookie)
{
	app_calls++;
}

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	calls++;
	CHECK(WIFSIGNALED(status));
	CHECK_EQ_INT(WTERMSIG(status), SIGKILL);
	iv_wait_interest_unregister(&w);
	iv_signal_unregister(&app);
}

int main(void)
{
	int fd;

	TEST_BEGIN(10);
	fd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	if (fd < 0)
		return TEST_SKIP;
	close(fd);

	iv_init();
	IV_SIGNAL_INIT(&app);
	app.signum = SIGCHLD;
	app.flags = IV_SIGNAL_FLAG_EXCLUSIVE;
	app.handler = app_sigchld;
	CHECK_EQ_INT(iv_signal_register(&app), 0);

	interest_setup(&w, fork_sleeper(), got_status, NULL);
	iv_wait_interest_register(&w);
	CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGKILL), 0);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
