/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A child's exit status reaches the handler, with the child's rusage. */

#include "wait_util.h"

static struct iv_wait_interest w;
static int calls;

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	CHECK(cookie == &w);
	calls++;
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 3);

	/* The child spun for about 100 ms of CPU time. */
	CHECK(ru != NULL);
	CHECK(ru->ru_utime.tv_sec > 0 || ru->ru_utime.tv_usec >= 20000);

	iv_wait_interest_unregister(&w);
}

int main(void)
{
	pid_t pid;

	TEST_BEGIN(10);
	iv_init();

	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		struct timespec ts;
		volatile unsigned long x = 0;

		do {
			for (int i = 0; i < 100000; i++)
				x += i;
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
		} while (ts.tv_sec == 0 && ts.tv_nsec < 100000000);
		_exit(3);
	}

	interest_setup(&w, pid, got_status, &w);
	iv_wait_interest_register(&w);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	CHECK_ERRNO(waitpid(pid, NULL, WNOHANG), ECHILD);
	iv_deinit();
	return 0;
}
