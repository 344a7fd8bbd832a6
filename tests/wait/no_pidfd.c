/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Without pidfd_open (old kernels), SIGCHLD alone reports a death, and
 * kill goes through kill(2). */

/*
 * Liana only: it counts the pidfd_open() attempts, which ivykis 0.42 never
 * makes.
 */

#include <dlfcn.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include "wait_util.h"

static int pidfd_calls;
static long (*real_syscall)(long, ...);

/* Looked up before main: the library calls syscall() from its signal
 * handler, where dlsym() must not run. */
__attribute__((constructor)) static void find_syscall(void)
{
	real_syscall = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
}

/* Interposes on the C library's syscall(): pidfd_open is "missing". */
long syscall(long number, ...)
{
	long a[6];
	va_list ap;
	int i;

	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);

	if (number == SYS_pidfd_open || number == SYS_pidfd_send_signal) {
		pidfd_calls++;
		errno = ENOSYS;
		return -1;
	}
	return real_syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

static struct iv_wait_interest w;
static int calls;

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	calls++;
	CHECK(WIFSIGNALED(status));
	CHECK_EQ_INT(WTERMSIG(status), SIGTERM);
	CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGTERM), -ESRCH);
	iv_wait_interest_unregister(&w);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	interest_setup(&w, fork_sleeper(), got_status, NULL);
	iv_wait_interest_register(&w);
	CHECK_EQ_INT(pidfd_calls, 1);
	CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGTERM), 0);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	CHECK_EQ_INT(pidfd_calls, 1);
	iv_deinit();
	return 0;
}
