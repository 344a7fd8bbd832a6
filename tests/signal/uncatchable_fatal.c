/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A signal number that sigaction(2) refuses (0, SIGKILL, SIGSTOP) is in
 * range, so registering it is fatal rather than an error return. */

#include <iv.h>
#include <iv_signal.h>
#include "fatal_helper.h"

static void never(void *cookie)
{
	CHECK(0);
}

static void register_signum(void *arg)
{
	static struct iv_signal sig;

	iv_init();
	IV_SIGNAL_INIT(&sig);
	sig.signum = *(int *)arg;
	sig.flags = 0;
	sig.handler = never;
	iv_signal_register(&sig);
}

int main(void)
{
	static int signums[] = { 0, SIGKILL, SIGSTOP };
	unsigned int i;

	TEST_BEGIN(30);
	for (i = 0; i < sizeof(signums) / sizeof(signums[0]); i++) {
		expect_fatal(register_signum, &signums[i],
			     "iv_signal_register: sigaction got error "
			     "22[Invalid argument]");
	}
	return 0;
}
