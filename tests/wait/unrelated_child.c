/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A child nobody registered for is neither reaped nor a crash. */

/*
 * Fails on ivykis 0.42: it reaps every child while an interest exists and
 * dereferences a null pointer on a dead child without an interest.
 */

#include "wait_util.h"

static struct iv_wait_interest w;
static struct iv_timer settle;
static pid_t stranger;
static int calls;

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	calls++;
	CHECK(WIFSIGNALED(status));
	CHECK_EQ_INT(WTERMSIG(status), SIGKILL);
	iv_wait_interest_unregister(&w);
}

/* The stranger's SIGCHLD has been through the loop by now. */
static void settled(void *cookie)
{
	int status;

	CHECK_EQ_INT(calls, 0);
	CHECK_EQ_INT(waitpid(stranger, &status, WNOHANG), stranger);
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 42);
	CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGKILL), 0);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	interest_setup(&w, fork_sleeper(), got_status, NULL);
	iv_wait_interest_register(&w);

	stranger = fork();
	CHECK(stranger >= 0);
	if (stranger == 0)
		_exit(42);
	wait_without_reaping(stranger, WEXITED);

	timer_in(&settle, 200, settled, NULL);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
