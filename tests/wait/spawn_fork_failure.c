/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A failed fork in register_spawn returns -1 with errno and undoes the
 * registration: no descriptor, no SIGCHLD handler, nothing keeps the
 * loop alive. */

#include <dlfcn.h>
#include <signal.h>
#include "wait_util.h"

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

static void never_fn(void *cookie)
{
	_exit(3);
}

static void never(void *cookie, int status, const struct rusage *ru)
{
	CHECK(!"handler called");
}

int main(void)
{
	struct iv_wait_interest w;
	struct sigaction sa;
	int fds_before;

	TEST_BEGIN(10);
	iv_init();
	fds_before = count_fds();

	interest_setup(&w, 0, never, NULL);
	fail_fork = 1;
	errno = 0;
	CHECK_EQ_INT(iv_wait_interest_register_spawn(&w, never_fn, NULL), -1);
	CHECK_EQ_INT(errno, EAGAIN);
	fail_fork = 0;

	CHECK_EQ_INT(count_fds(), fds_before);
	CHECK_EQ_INT(sigaction(SIGCHLD, NULL, &sa), 0);
	CHECK(sa.sa_handler == SIG_DFL);
	iv_main();	/* returns at once: nothing is registered */

	iv_deinit();
	return 0;
}
