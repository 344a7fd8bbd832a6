/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana only: THIS_THREAD registrations left behind when their thread's
 * loop goes (iv_deinit or thread exit) stop counting; a signal whose last
 * registration goes that way gets SIG_DFL back. */

#include <pthread.h>
#include "sig_util.h"

static struct iv_signal priv[2];
static struct iv_signal shared;

static void never(void *cookie)
{
	CHECK(0);
}

static void *leave_registered(void *arg)
{
	int deinit = (int)(long)arg;

	iv_init();
	sig_setup(&priv[deinit], SIGUSR1, IV_SIGNAL_FLAG_THIS_THREAD, never,
		  NULL);
	CHECK_EQ_INT(iv_signal_register(&priv[deinit]), 0);
	CHECK(sig_disposition(SIGUSR1) != SIG_DFL);
	if (deinit)
		iv_deinit();
	return NULL;
}

static void run_thread(int deinit)
{
	pthread_t thr;

	CHECK_EQ_INT(pthread_create(&thr, NULL, leave_registered,
				    (void *)(long)deinit), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
}

int main(void)
{
	TEST_BEGIN(10);

	run_thread(1);
	CHECK(sig_disposition(SIGUSR1) == SIG_DFL);
	run_thread(0);
	CHECK(sig_disposition(SIGUSR1) == SIG_DFL);

	/* Another registration of the signal keeps the handler. */
	iv_init();
	sig_setup(&shared, SIGUSR1, 0, never, NULL);
	CHECK_EQ_INT(iv_signal_register(&shared), 0);
	run_thread(1);
	CHECK(sig_disposition(SIGUSR1) != SIG_DFL);
	iv_signal_unregister(&shared);
	CHECK(sig_disposition(SIGUSR1) == SIG_DFL);
	iv_deinit();
	return 0;
}
