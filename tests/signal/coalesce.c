/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Deliveries before the handler runs fold into one call; a delivery
 * while the handler runs causes one more call afterwards. */

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

static struct iv_signal sig;
static int calls;

static void got_signal(void *cookie)
{
	calls++;
	if (calls == 1) {
		CHECK_EQ_INT(sig.active, 0);
		/* Arrives while the handler runs: must not be lost. */
		CHECK_EQ_INT(raise(SIGUSR1), 0);
		CHECK_EQ_INT(raise(SIGUSR1), 0);
		CHECK_EQ_INT(sig.active, 1);
		return;
	}
	iv_signal_unregister(&sig);
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();

	IV_SIGNAL_INIT(&sig);
	sig.signum = SIGUSR1;
	sig.flags = 0;
	sig.handler = got_signal;
	CHECK_EQ_INT(iv_signal_register(&sig), 0);
	CHECK_EQ_INT(sig.active, 0);

	for (i = 0; i < 3; i++)
		CHECK_EQ_INT(raise(SIGUSR1), 0);
	CHECK_EQ_INT(sig.active, 1);

	iv_main();
	CHECK_EQ_INT(calls, 2);

	iv_deinit();
	return 0;
}
