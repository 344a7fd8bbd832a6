/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A registered signal keeps iv_main() running; unregistering it lets
 * iv_main() return. */

#include "sig_util.h"

static struct iv_signal sig;
static struct iv_timer timer;
static int fired;

static void never(void *cookie)
{
	CHECK(0);
}

static void drop_signal(void *cookie)
{
	fired = 1;
	iv_signal_unregister(&sig);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	sig_setup(&sig, SIGTERM, IV_SIGNAL_FLAG_EXCLUSIVE, never, NULL);
	CHECK_EQ_INT(iv_signal_register(&sig), 0);

	/* Without the registration the loop would return before this. */
	timer_in(&timer, 50, drop_signal, NULL);
	iv_main();
	CHECK_EQ_INT(fired, 1);

	iv_deinit();
	return 0;
}
