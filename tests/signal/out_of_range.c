/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Signal numbers below 0 or from _NSIG up are refused with -1. */

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

static void never(void *cookie)
{
	CHECK(!"no signal was sent");
}

static int try_register(int signum)
{
	struct iv_signal s;
	int ret;

	IV_SIGNAL_INIT(&s);
	s.signum = signum;
	s.flags = 0;
	s.handler = never;
	ret = iv_signal_register(&s);
	if (ret == 0)
		iv_signal_unregister(&s);
	return ret;
}

static void dummy(int sig)
{
}

/*
 * Whether this process may install a handler for signum (valgrind, for
 * one, keeps the highest real-time signal for itself).
 */
static int catchable(int signum)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = dummy;
	sigemptyset(&sa.sa_mask);
	if (sigaction(signum, &sa, &old) < 0)
		return 0;
	CHECK_EQ_INT(sigaction(signum, &old, NULL), 0);
	return 1;
}

int main(void)
{
	TEST_BEGIN(5);
	iv_init();

	CHECK_EQ_INT(try_register(-1), -1);
	CHECK_EQ_INT(try_register(-1000), -1);
	CHECK_EQ_INT(try_register(_NSIG), -1);
	CHECK_EQ_INT(try_register(_NSIG + 100), -1);
	/* In range and catchable: accepted, up to the highest number. */
	CHECK_EQ_INT(try_register(SIGRTMIN), 0);
	if (catchable(_NSIG - 1))
		CHECK_EQ_INT(try_register(_NSIG - 1), 0);

	iv_main();
	iv_deinit();
	return 0;
}
