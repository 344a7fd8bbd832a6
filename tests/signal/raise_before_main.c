/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A signal raised before iv_main() runs the handler, which unregisters. */

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

static struct iv_signal sig;
static int calls;

static void got_signal(void *cookie)
{
	CHECK(cookie == &calls);
	calls++;
	iv_signal_unregister(&sig);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	IV_SIGNAL_INIT(&sig);
	sig.signum = SIGUSR1;
	sig.flags = 0;
	sig.cookie = &calls;
	sig.handler = got_signal;
	CHECK_EQ_INT(iv_signal_register(&sig), 0);

	CHECK_EQ_INT(raise(SIGUSR1), 0);
	CHECK_EQ_INT(calls, 0);
	iv_main();
	CHECK_EQ_INT(calls, 1);

	iv_deinit();
	return 0;
}
