/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The application's own (non-exclusive) SIGCHLD iv_signal keeps working
 * while interests exist, and can reap its own children. */

/*
 * Liana only: ivykis 0.42 registers SIGCHLD exclusively, which silences
 * every non-exclusive SIGCHLD registration, and reaps every child.
 */

#include <iv_signal.h>
#include "wait_util.h"

static struct iv_wait_interest w;
static struct iv_signal sigchld;
static pid_t own;
static int own_reaped;
static int calls;

static void app_sigchld(void *cookie)
{
	int status;

	if (own_reaped)
		return;
	if (waitpid(own, &status, WNOHANG) == own) {
		CHECK(WIFEXITED(status));
		CHECK_EQ_INT(WEXITSTATUS(status), 5);
		own_reaped = 1;
		CHECK_EQ_INT(iv_wait_interest_kill(&w, SIGTERM), 0);
	}
}

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	calls++;
	CHECK(own_reaped);
	CHECK(WIFSIGNALED(status));
	iv_wait_interest_unregister(&w);
	iv_signal_unregister(&sigchld);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	IV_SIGNAL_INIT(&sigchld);
	sigchld.signum = SIGCHLD;
	sigchld.handler = app_sigchld;
	CHECK_EQ_INT(iv_signal_register(&sigchld), 0);

	interest_setup(&w, fork_sleeper(), got_status, NULL);
	iv_wait_interest_register(&w);

	own = fork();
	CHECK(own >= 0);
	if (own == 0)
		_exit(5);

	iv_main();
	CHECK_EQ_INT(calls, 1);
	CHECK(own_reaped);
	iv_deinit();
	return 0;
}
