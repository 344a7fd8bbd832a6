/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/*
 * fork() while another thread is inside the process's first iv_init():
 * the child's own iv_init() must not find an internal lock inherited in
 * the taken state.  (Regression: a child of signal.fork_during_churn hung
 * in iv_init, killed by its 5 s alarm.)
 *
 * The window is forced: this program interposes getrlimit(), which the
 * first iv_init() calls while it sets the process up.  The interposer,
 * in the initialising thread, lets the main thread fork and waits (up to
 * a second) until the child has been created.  A library that holds fork
 * off until the set-up is over passes after that second; one that lets
 * the child inherit its set-up lock taken leaves the child hanging.
 */

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <iv.h>
#include "check.h"

static __thread int initialiser;
static int inside;		/* the initialising thread is in getrlimit */
static int forked;		/* the main thread has forked */

/* Sanitizer run-times call this before they are initialised: keep it
 * free of their instrumentation. */
__attribute__((no_sanitize("address", "thread", "undefined")))
int getrlimit(__rlimit_resource_t resource, struct rlimit *rl)
{
	if (initialiser) {
		int waited;

		initialiser = 0;
		__atomic_store_n(&inside, 1, __ATOMIC_RELEASE);
		for (waited = 0; waited < 1000 &&
		     !__atomic_load_n(&forked, __ATOMIC_ACQUIRE); waited++)
			usleep(1000);
	}

	/* What the C library does, without the dynamic linker. */
	return (int)syscall(SYS_prlimit64, 0, resource, NULL, rl);
}

static void *first_init(void *arg)
{
	initialiser = 1;
	iv_init();
	iv_deinit();
	return NULL;
}

static int child(void)
{
	alarm(5);
	iv_init();
	iv_deinit();
	return 0;
}

int main(void)
{
	pthread_t init_thread;
	int status;
	pid_t pid;

	TEST_BEGIN(30);
	CHECK_EQ_INT(pthread_create(&init_thread, NULL, first_init, NULL), 0);
	while (!__atomic_load_n(&inside, __ATOMIC_ACQUIRE))
		usleep(1000);

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		/* The initialising thread's half-built loop cannot be
		 * freed here: leave by exec, so that a leak checker does
		 * not count it against the child. */
		if (child() == 0)
			execl("/bin/true", "true", (char *)NULL);
		_exit(3);
	}
	__atomic_store_n(&forked, 1, __ATOMIC_RELEASE);

	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fprintf(stderr, "child killed by signal %d\n",
			WTERMSIG(status));
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 0);

	CHECK_EQ_INT(pthread_join(init_thread, NULL), 0);
	return 0;
}
