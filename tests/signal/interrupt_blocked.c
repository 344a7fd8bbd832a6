/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A signal sent to the process wakes a loop that is blocked in its poll,
 * and the handler runs in the registering thread whichever thread the
 * kernel delivered it to. */

#include <pthread.h>
#include <iv.h>
#include <iv_signal.h>
#include "check.h"

static struct iv_signal sig;
static unsigned long loop_tid;
static int calls;

static void got_signal(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), loop_tid);
	calls++;
	iv_signal_unregister(&sig);
}

static void *sender(void *arg)
{
	usleep(50000);
	CHECK_EQ_INT(kill(getpid(), SIGUSR2), 0);
	return NULL;
}

int main(void)
{
	pthread_t thr;

	TEST_BEGIN(10);
	iv_init();
	loop_tid = iv_get_thread_id();

	IV_SIGNAL_INIT(&sig);
	sig.signum = SIGUSR2;
	sig.flags = 0;
	sig.handler = got_signal;
	CHECK_EQ_INT(iv_signal_register(&sig), 0);

	CHECK_EQ_INT(pthread_create(&thr, NULL, sender, NULL), 0);
	iv_main();
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	CHECK_EQ_INT(calls, 1);

	iv_deinit();
	return 0;
}
