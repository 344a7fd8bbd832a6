/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* register_spawn runs fn(cookie) in the child, which exits 1 if fn
 * returns; the parent learns the pid and the status. */

#include "wait_util.h"

static struct iv_wait_interest w;
static char message[] = "ran fn";
static int pfd[2];
static int calls;

static void child_fn(void *cookie)
{
	const char *msg = cookie;

	if (write(pfd[1], msg, strlen(msg)) < 0)
		_exit(2);
}

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	calls++;
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 1);
	iv_wait_interest_unregister(&w);
}

int main(void)
{
	char buf[32];
	ssize_t n;

	TEST_BEGIN(10);
	CHECK_EQ_INT(pipe(pfd), 0);
	iv_init();

	interest_setup(&w, 0, got_status, NULL);
	fflush(stdout);
	fflush(stderr);
	CHECK_EQ_INT(iv_wait_interest_register_spawn(&w, child_fn, message),
		     0);
	CHECK(w.pid > 0);
	CHECK(w.pid != getpid());
	close(pfd[1]);

	n = read(pfd[0], buf, sizeof(buf) - 1);
	CHECK_EQ_INT(n, 6);
	buf[n] = 0;
	CHECK_EQ_STR(buf, "ran fn");
	close(pfd[0]);

	iv_main();
	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
