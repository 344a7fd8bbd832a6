/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_signal_unregister with a signal number out of range is fatal. */

#include <iv.h>
#include <iv_signal.h>
#include "fatal_helper.h"

static void never(void *cookie)
{
	CHECK(0);
}

static void unregister_signum(void *arg)
{
	static struct iv_signal sig;

	iv_init();
	IV_SIGNAL_INIT(&sig);
	sig.signum = SIGUSR1;
	sig.flags = 0;
	sig.handler = never;
	CHECK_EQ_INT(iv_signal_register(&sig), 0);
	sig.signum = *(int *)arg;
	iv_signal_unregister(&sig);
}

int main(void)
{
	static int signums[] = { -1, _NSIG, 1000 };
	unsigned int i;

	TEST_BEGIN(30);
	for (i = 0; i < sizeof(signums) / sizeof(signums[0]); i++) {
		expect_fatal(unregister_signum, &signums[i],
			     "iv_signal_unregister: signal number out of "
			     "range");
	}
	return 0;
}
