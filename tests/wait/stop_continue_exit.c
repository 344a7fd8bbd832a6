/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Stop, continue and death of a child each reach the handler, in order. */

#include "wait_util.h"

static struct iv_wait_interest w;
static int step;

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	switch (step++) {
	case 0:
		CHECK(WIFSTOPPED(status));
		CHECK_EQ_INT(WSTOPSIG(status), SIGSTOP);
		CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGCONT), 0);
		break;
	case 1:
		CHECK(WIFCONTINUED(status));
		CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGTERM), 0);
		break;
	case 2:
		CHECK(WIFSIGNALED(status));
		CHECK_EQ_INT(WTERMSIG(status), SIGTERM);
		iv_wait_interest_unregister(&w);
		break;
	default:
		CHECK(!"called after the child's death");
	}
}

int main(void)
{
	pid_t pid;

	TEST_BEGIN(10);
	iv_init();

	pid = fork_sleeper();
	interest_setup(&w, pid, got_status, NULL);
	iv_wait_interest_register(&w);
	CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGSTOP), 0);
	iv_main();

	CHECK_EQ_INT(step, 3);
	iv_deinit();
	return 0;
}
