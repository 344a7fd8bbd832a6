/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Once the child is known dead, kill returns -ESRCH and leaves errno. */

#include "wait_util.h"

static struct iv_wait_interest w;
static int calls;

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	calls++;
	CHECK(WIFEXITED(status));

	errno = 12345;
	CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGTERM), -ESRCH);
	CHECK_EQ_INT(errno, 12345);
	errno = 0;
	CHECK_EQ_INT(iv_wait_interest_kill(&w, 0), -ESRCH);
	CHECK_EQ_INT(errno, 0);

	iv_wait_interest_unregister(&w);
}

int main(void)
{
	char c;
	int p[2];
	pid_t pid;

	TEST_BEGIN(10);
	iv_init();

	/* The child exits when the test closes the pipe. */
	CHECK_EQ_INT(pipe(p), 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		close(p[1]);
		_exit(read(p[0], &c, 1) == 0 ? 0 : 1);
	}
	close(p[0]);

	interest_setup(&w, pid, got_status, NULL);
	iv_wait_interest_register(&w);
	CHECK_EQ_INT(iv_wait_interest_kill(&w, 0), 0);
	close(p[1]);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
