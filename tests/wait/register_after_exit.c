/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A child that died before its interest was registered is still reported:
 * its status waited for the interest. */

/*
 * Liana only: ivykis 0.42 only looks on SIGCHLD, which came and went before
 * the registration, so its handler is never called.
 */

#include "wait_util.h"

static struct iv_wait_interest w;
static int calls;

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	calls++;
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 9);
	iv_wait_interest_unregister(&w);
}

int main(void)
{
	pid_t pid;

	TEST_BEGIN(10);
	iv_init();

	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(9);
	wait_without_reaping(pid, WEXITED);

	interest_setup(&w, pid, got_status, NULL);
	iv_wait_interest_register(&w);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
