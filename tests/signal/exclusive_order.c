/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* With EXCLUSIVE registrations present only the one with the lowest
 * address is woken; without any, every registration is. */

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

/* Ascending addresses; 1 and 3 are exclusive. */
static struct iv_signal sigs[4];
static int calls[4];
static int want_total;
static int total;

static void got_signal(void *cookie)
{
	int i = (int)(long)cookie;

	calls[i]++;
	if (++total == want_total)
		iv_quit();
}

/* Raises SIGUSR1 once and runs the loop until want calls happened. */
static void round_trip(int want)
{
	memset(calls, 0, sizeof(calls));
	total = 0;
	want_total = want;
	CHECK_EQ_INT(raise(SIGUSR1), 0);
	iv_main();
	CHECK_EQ_INT(total, want);
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();

	/* Register in descending address order: the order of registration
	 * must not matter. */
	for (i = 3; i >= 0; i--) {
		IV_SIGNAL_INIT(&sigs[i]);
		sigs[i].signum = SIGUSR1;
		sigs[i].flags = (i & 1) ? IV_SIGNAL_FLAG_EXCLUSIVE : 0;
		sigs[i].cookie = (void *)(long)i;
		sigs[i].handler = got_signal;
		CHECK_EQ_INT(iv_signal_register(&sigs[i]), 0);
	}

	round_trip(1);
	CHECK_EQ_INT(calls[1], 1);
	for (i = 0; i < 4; i++)
		CHECK_EQ_INT(sigs[i].active, 0);

	/* The next exclusive one takes over. */
	iv_signal_unregister(&sigs[1]);
	round_trip(1);
	CHECK_EQ_INT(calls[3], 1);

	/* No exclusive one left: both of the others run. */
	iv_signal_unregister(&sigs[3]);
	round_trip(2);
	CHECK_EQ_INT(calls[0], 1);
	CHECK_EQ_INT(calls[2], 1);

	/* An exclusive registration suppresses the non-exclusive ones even
	 * if it has the highest address. */
	IV_SIGNAL_INIT(&sigs[3]);
	sigs[3].signum = SIGUSR1;
	sigs[3].flags = IV_SIGNAL_FLAG_EXCLUSIVE;
	sigs[3].cookie = (void *)3L;
	sigs[3].handler = got_signal;
	CHECK_EQ_INT(iv_signal_register(&sigs[3]), 0);
	round_trip(1);
	CHECK_EQ_INT(calls[3], 1);

	iv_signal_unregister(&sigs[0]);
	iv_signal_unregister(&sigs[2]);
	iv_signal_unregister(&sigs[3]);
	iv_main();
	iv_deinit();
	return 0;
}
