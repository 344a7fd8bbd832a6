/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* In a register_spawn child, signals caught through iv_signal are back at
 * SIG_DFL before fn runs; other dispositions are left alone. */

#include <iv_signal.h>
#include "wait_util.h"

static struct iv_wait_interest w;
static struct iv_signal usr1;
static int calls;

static void app_handler(int sig)
{
}

static int is_default(int sig)
{
	struct sigaction sa;

	return sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL;
}

static void child_fn(void *cookie)
{
	struct sigaction sa;

	if (!is_default(SIGUSR1) || !is_default(SIGCHLD))
		_exit(10);
	if (sigaction(SIGUSR2, NULL, &sa) < 0 || sa.sa_handler != app_handler)
		_exit(11);
	if (sigaction(SIGPIPE, NULL, &sa) < 0 || sa.sa_handler != SIG_IGN)
		_exit(12);
	_exit(0);
}

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	calls++;
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 0);
	iv_wait_interest_unregister(&w);
	iv_signal_unregister(&usr1);
}

static void never(void *cookie)
{
	CHECK(!"SIGUSR1 handler called");
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();
	signal(SIGUSR2, app_handler);

	IV_SIGNAL_INIT(&usr1);
	usr1.signum = SIGUSR1;
	usr1.handler = never;
	CHECK_EQ_INT(iv_signal_register(&usr1), 0);

	interest_setup(&w, 0, got_status, NULL);
	CHECK_EQ_INT(iv_wait_interest_register_spawn(&w, child_fn, NULL), 0);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	signal(SIGUSR2, SIG_DFL);
	iv_deinit();
	return 0;
}
