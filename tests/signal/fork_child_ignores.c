/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* In a forked child that registered nothing itself, signals caught by the
 * library's inherited handler are ignored: the child survives them and
 * the parent's handler, which shares the child's descriptors, never
 * hears of them. */

#include <sys/wait.h>
#include "sig_util.h"

static struct iv_signal sig;
static struct iv_timer timer;
static int calls;

static void got_signal(void *cookie)
{
	calls++;
}

static void finish(void *cookie)
{
	iv_signal_unregister(&sig);
}

int main(void)
{
	int status;
	pid_t pid;

	TEST_BEGIN(10);
	iv_init();
	sig_setup(&sig, SIGTERM, IV_SIGNAL_FLAG_EXCLUSIVE, got_signal, NULL);
	CHECK_EQ_INT(iv_signal_register(&sig), 0);

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		/* Both a thread-directed and a process-directed one. */
		raise(SIGTERM);
		kill(getpid(), SIGTERM);
		if (sig.active)
			_exit(1);
		_exit(0);
	}
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 0);

	/* Anything the child had posted would be read by now. */
	timer_in(&timer, 200, finish, NULL);
	iv_main();
	CHECK_EQ_INT(calls, 0);
	CHECK_EQ_INT(sig.active, 0);

	iv_deinit();
	return 0;
}
