/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* An interest in a pid that is not a waitable child is dead at once:
 * kill returns -ESRCH (nothing is signalled), the handler never runs. */

/*
 * Liana only: ivykis 0.42 would call kill() on those pids, signalling
 * whatever process has that number.
 */

#include "wait_util.h"

#define N	4

static struct iv_wait_interest w[N];
static struct iv_timer settle;

static void never(void *cookie, int status, const struct rusage *ru)
{
	CHECK(!"handler called");
}

static void settled(void *cookie)
{
	int i;

	for (i = 0; i < N; i++) {
		errno = 777;
		CHECK_EQ_INT(iv_wait_interest_kill(&w[i], SIGTERM), -ESRCH);
		CHECK_EQ_INT(errno, 777);
		iv_wait_interest_unregister(&w[i]);
	}
}

int main(void)
{
	pid_t reaped;
	pid_t parent;
	int i;

	TEST_BEGIN(10);
	iv_init();

	/* A child the test has reaped already. */
	reaped = fork();
	CHECK(reaped >= 0);
	if (reaped == 0)
		_exit(0);
	CHECK_EQ_INT(waitpid(reaped, NULL, 0), reaped);

	/* The test's parent (the test runner): a live process, not ours. */
	parent = getppid();
	CHECK(parent > 1);

	interest_setup(&w[0], reaped, never, NULL);
	interest_setup(&w[1], parent, never, NULL);
	interest_setup(&w[2], getpid(), never, NULL);
	interest_setup(&w[3], 0, never, NULL);
	for (i = 0; i < N; i++) {
		iv_wait_interest_register(&w[i]);
		CHECK_EQ_INT(iv_wait_interest_kill(&w[i], 0), -ESRCH);
	}

	timer_in(&settle, 100, settled, NULL);
	iv_main();

	iv_deinit();
	return 0;
}
