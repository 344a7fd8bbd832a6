/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_deinit() with an interest still registered frees what the interest
 * held; the child is then the application's to reap. */

/*
 * Liana only: ivykis 0.42 leaves its SIGCHLD descriptors open.
 */

#include "wait_util.h"

static void never(void *cookie, int status, const struct rusage *ru)
{
	CHECK(!"handler called");
}

int main(void)
{
	struct iv_wait_interest w;
	int fds_before;
	int status;
	pid_t pid;

	TEST_BEGIN(10);
	pid = fork_sleeper();

	fds_before = count_fds();
	iv_init();
	interest_setup(&w, pid, never, NULL);
	iv_wait_interest_register(&w);
	iv_deinit();
	CHECK_EQ_INT(count_fds(), fds_before);

	/* SIGCHLD is back at its default, and nobody else reaps. */
	CHECK_EQ_INT(kill(pid, SIGKILL), 0);
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	CHECK(WIFSIGNALED(status));

	/* A new loop starts out empty. */
	iv_init();
	iv_main();
	iv_deinit();
	return 0;
}
