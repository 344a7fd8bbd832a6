/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unregistering an EXCLUSIVE registration that was woken but has not run
 * its handler yet hands the signal to the next eligible registration. */

#include "sig_util.h"

/* sigs[0] has the lower address and wins the signal. */
static struct iv_signal sigs[3];
static int calls[3];
static struct iv_task task;
static struct iv_timer timer;

static void got_signal(void *cookie)
{
	int i = (int)(long)cookie;

	calls[i]++;
	iv_signal_unregister(&sigs[i]);
}

/* Tasks run before the poll step, so sigs[0] is still pending here. */
static void drop_first(void *cookie)
{
	CHECK_EQ_INT(sigs[0].active, 1);
	CHECK_EQ_INT(sigs[1].active, 0);
	iv_signal_unregister(&sigs[0]);
	CHECK_EQ_INT(sigs[1].active, 1);
	CHECK_EQ_INT(sigs[2].active, 0);
}

/* Later: only sigs[1] ran; the non-exclusive one never saw the signal. */
static void check_calls(void *cookie)
{
	CHECK_EQ_INT(calls[0], 0);
	CHECK_EQ_INT(calls[1], 1);
	CHECK_EQ_INT(calls[2], 0);
	iv_signal_unregister(&sigs[2]);
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();

	for (i = 0; i < 3; i++) {
		IV_SIGNAL_INIT(&sigs[i]);
		sigs[i].signum = SIGHUP;
		sigs[i].flags = i < 2 ? IV_SIGNAL_FLAG_EXCLUSIVE : 0;
		sigs[i].cookie = (void *)(long)i;
		sigs[i].handler = got_signal;
		CHECK_EQ_INT(iv_signal_register(&sigs[i]), 0);
	}

	CHECK_EQ_INT(raise(SIGHUP), 0);
	IV_TASK_INIT(&task);
	task.handler = drop_first;
	iv_task_register(&task);

	timer_in(&timer, 100, check_calls, NULL);

	iv_main();
	CHECK_EQ_INT(calls[1], 1);

	iv_deinit();
	return 0;
}
