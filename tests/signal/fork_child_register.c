/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The first registration in a forked child forgets what the parent had
 * registered, resetting the signals it caught to SIG_DFL, and from then
 * on signals in the child go to the child's own registrations.  The
 * parent's registrations are not affected. */

#include <sys/wait.h>
#include "sig_util.h"

static struct iv_signal usr1, usr2, hup;
static struct iv_timer timer;
static int parent_calls;
static int child_calls;

static void got_parent(void *cookie)
{
	parent_calls++;
}

static void got_child(void *cookie)
{
	child_calls++;
	iv_signal_unregister(&usr1);
}

static void finish(void *cookie)
{
	iv_signal_unregister(&usr1);
	iv_signal_unregister(&usr2);
	iv_signal_unregister(&hup);
}

/* Exit status: 0 if all went as expected, else the failing step. */
static int child(void)
{
	/* The inherited loop shares the parent's kernel objects: replace
	 * it, and forget the parent's registrations without touching them. */
	iv_deinit();
	iv_init();

	if (sig_disposition(SIGUSR2) == SIG_DFL)
		return 1;
	sig_setup(&usr1, SIGUSR1, 0, got_child, NULL);
	if (iv_signal_register(&usr1) != 0)
		return 2;
	if (sig_disposition(SIGUSR2) != SIG_DFL)
		return 3;
	if (sig_disposition(SIGHUP) != SIG_DFL)
		return 4;
	if (sig_disposition(SIGUSR1) == SIG_DFL)
		return 5;

	raise(SIGUSR1);
	iv_main();
	if (child_calls != 1)
		return 6;
	if (sig_disposition(SIGUSR1) != SIG_DFL)
		return 7;

	iv_deinit();
	return 0;
}

int main(void)
{
	int status;
	pid_t pid;

	TEST_BEGIN(10);
	iv_init();
	sig_setup(&usr1, SIGUSR1, IV_SIGNAL_FLAG_EXCLUSIVE, got_parent, NULL);
	CHECK_EQ_INT(iv_signal_register(&usr1), 0);
	sig_setup(&usr2, SIGUSR2, 0, got_parent, NULL);
	CHECK_EQ_INT(iv_signal_register(&usr2), 0);
	sig_setup(&hup, SIGHUP, IV_SIGNAL_FLAG_THIS_THREAD, got_parent, NULL);
	CHECK_EQ_INT(iv_signal_register(&hup), 0);

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(child());
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 0);

	/* The parent still catches all three, and heard nothing. */
	CHECK(sig_disposition(SIGUSR1) != SIG_DFL);
	CHECK(sig_disposition(SIGUSR2) != SIG_DFL);
	CHECK(sig_disposition(SIGHUP) != SIG_DFL);
	timer_in(&timer, 200, finish, NULL);
	iv_main();
	CHECK_EQ_INT(parent_calls, 0);

	/* And its registry still works. */
	sig_setup(&usr1, SIGUSR1, 0, got_child, NULL);
	CHECK_EQ_INT(iv_signal_register(&usr1), 0);
	raise(SIGUSR1);
	iv_main();
	CHECK_EQ_INT(child_calls, 1);

	iv_deinit();
	return 0;
}
