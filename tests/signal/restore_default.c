/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Registering installs a handler; the last unregister leaves SIG_DFL. */

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

static void app_handler(int sig)
{
}

static void never(void *cookie)
{
	CHECK(!"no signal was sent");
}

static struct sigaction query(int signum)
{
	struct sigaction sa;

	CHECK_EQ_INT(sigaction(signum, NULL, &sa), 0);
	return sa;
}

int main(void)
{
	struct iv_signal a, b;
	struct sigaction sa;

	TEST_BEGIN(5);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = app_handler;
	sigemptyset(&sa.sa_mask);
	CHECK_EQ_INT(sigaction(SIGUSR1, &sa, NULL), 0);
	iv_init();

	IV_SIGNAL_INIT(&a);
	a.signum = SIGUSR1;
	a.flags = 0;
	a.handler = never;
	CHECK_EQ_INT(iv_signal_register(&a), 0);
	sa = query(SIGUSR1);
	CHECK(sa.sa_handler != SIG_DFL);
	CHECK(sa.sa_handler != SIG_IGN);
	CHECK(sa.sa_handler != app_handler);
	CHECK(sa.sa_flags & SA_RESTART);

	b = a;
	IV_SIGNAL_INIT(&b);
	CHECK_EQ_INT(iv_signal_register(&b), 0);

	iv_signal_unregister(&a);
	sa = query(SIGUSR1);
	CHECK(sa.sa_handler != SIG_DFL);
	CHECK(sa.sa_handler != app_handler);

	/* Not the application's old handler: the default. */
	iv_signal_unregister(&b);
	sa = query(SIGUSR1);
	CHECK(sa.sa_handler == SIG_DFL);

	iv_main();
	iv_deinit();
	return 0;
}
