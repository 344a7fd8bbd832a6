/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A failed fork: submit prints the reason and returns -1, and leaves no
 * descriptor, record or registration behind. */

#include <dlfcn.h>
#include "popen_util.h"

static int fail_fork;

/* Interposes on the C library's fork() for the library under test. */
pid_t fork(void)
{
	static pid_t (*real_fork)(void);

	if (fail_fork) {
		errno = EAGAIN;
		return -1;
	}
	if (real_fork == NULL)
		real_fork = (pid_t (*)(void))dlsym(RTLD_NEXT, "fork");
	return real_fork();
}

static char *argv[] = { ARG("true"), NULL };

int main(void)
{
	struct iv_popen_request req;
	char buf[256];
	int saved_stderr;
	int fds_before;
	int p[2];
	ssize_t n;

	TEST_BEGIN(10);
	iv_init();
	fds_before = count_fds();

	CHECK_EQ_INT(pipe(p), 0);
	fflush(stderr);
	saved_stderr = dup(2);
	CHECK(saved_stderr >= 0);
	CHECK_EQ_INT(dup2(p[1], 2), 2);
	close(p[1]);

	request_setup(&req, "true", argv, "r");
	fail_fork = 1;
	CHECK_EQ_INT(iv_popen_request_submit(&req), -1);
	fail_fork = 0;

	fflush(stderr);
	CHECK_EQ_INT(dup2(saved_stderr, 2), 2);
	close(saved_stderr);
	n = read(p[0], buf, sizeof(buf) - 1);
	close(p[0]);
	CHECK(n > 0);
	buf[n] = 0;
	CHECK_EQ_STR(buf, "fork: Resource temporarily unavailable\n");

	CHECK_EQ_INT(count_fds(), fds_before);
	check_no_children();
	iv_main();	/* returns at once: nothing is registered */
	iv_deinit();
	return 0;
}
