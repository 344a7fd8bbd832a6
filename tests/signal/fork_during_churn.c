/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* fork() while another thread keeps registering and unregistering: the
 * child never inherits the registry lock taken, so its own registration
 * (which takes that lock) cannot hang.
 *
 * The forks start once the other thread has churned a few rounds.  Its
 * start (iv_init(), the first registration) allocates, and GCC 12's
 * AddressSanitizer run-time does not hold its allocator locks across
 * fork(): a child forked in the middle of such an allocation hangs in
 * its own first malloc(), in the sanitizer, not in Liana (seen in CI).
 * The churn itself allocates nothing.  A fork during a thread's
 * iv_init() is main.fork_during_init's case. */

#include <pthread.h>
#include <sys/wait.h>
#include "sig_util.h"

#define FORKS	40

static int stop_churn;
static unsigned long rounds;

static void never(void *cookie)
{
	CHECK(0);
}

static void *churn(void *arg)
{
	struct iv_signal sig;

	iv_init();
	while (!__atomic_load_n(&stop_churn, __ATOMIC_RELAXED)) {
		sig_setup(&sig, SIGUSR2, 0, never, NULL);
		CHECK_EQ_INT(iv_signal_register(&sig), 0);
		iv_signal_unregister(&sig);
		__atomic_add_fetch(&rounds, 1, __ATOMIC_RELEASE);
	}
	iv_deinit();
	return NULL;
}

static int child(void)
{
	struct iv_signal sig;

	alarm(5);
	iv_deinit();
	iv_init();
	sig_setup(&sig, SIGUSR1, 0, never, NULL);
	if (iv_signal_register(&sig) != 0)
		return 1;
	/* The parent's SIGUSR2 registration, if it was in place when we
	 * were forked, was forgotten. */
	if (sig_disposition(SIGUSR2) != SIG_DFL)
		return 2;
	iv_signal_unregister(&sig);
	iv_deinit();
	return 0;
}

int main(void)
{
	pthread_t thr;
	int i;

	TEST_BEGIN(60);
	iv_init();
	CHECK_EQ_INT(pthread_create(&thr, NULL, churn, NULL), 0);
	while (__atomic_load_n(&rounds, __ATOMIC_ACQUIRE) < 16)
		usleep(100);

	for (i = 0; i < FORKS; i++) {
		int status;
		pid_t pid;

		fflush(stdout);
		fflush(stderr);
		pid = fork();
		CHECK(pid >= 0);
		if (pid == 0) {
			/*
			 * The churning thread's loop does not exist here and
			 * cannot be freed: leave by exec, so that a leak
			 * checker does not count it against the child.
			 */
			int ret = child();

			if (ret == 0)
				execl("/bin/true", "true", (char *)NULL);
			_exit(ret ? ret : 3);
		}
		CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
		CHECK(WIFEXITED(status));
		CHECK_EQ_INT(WEXITSTATUS(status), 0);
	}

	__atomic_store_n(&stop_churn, 1, __ATOMIC_RELAXED);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	iv_deinit();
	return 0;
}
