/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A signal directed at a thread with a THIS_THREAD registration for it
 * goes to that registration only; process-wide ones do not see it. */

#include <pthread.h>
#include "sig_util.h"

static struct iv_signal shared;		/* main thread, process-wide */
static struct iv_signal private;	/* worker, THIS_THREAD */
static struct iv_timer timer;		/* main thread */
static pthread_barrier_t ready;
static unsigned long worker_tid;
static int shared_calls;
static int private_calls;

static void got_shared(void *cookie)
{
	shared_calls++;
}

static void got_private(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), worker_tid);
	private_calls++;
	iv_signal_unregister(&private);
}

static void *worker(void *arg)
{
	iv_init();
	worker_tid = iv_get_thread_id();
	sig_setup(&private, SIGUSR1, IV_SIGNAL_FLAG_THIS_THREAD, got_private,
		  NULL);
	CHECK_EQ_INT(iv_signal_register(&private), 0);
	pthread_barrier_wait(&ready);

	iv_main();
	CHECK_EQ_INT(private_calls, 1);
	iv_deinit();
	return NULL;
}

/* By now a wrong wake-up of the shared registration would have run. */
static void finish(void *cookie)
{
	CHECK_EQ_INT(shared_calls, 0);
	iv_signal_unregister(&shared);
}

int main(void)
{
	pthread_t thr;

	TEST_BEGIN(10);
	iv_init();
	sig_setup(&shared, SIGUSR1, 0, got_shared, NULL);
	CHECK_EQ_INT(iv_signal_register(&shared), 0);

	pthread_barrier_init(&ready, NULL, 2);
	CHECK_EQ_INT(pthread_create(&thr, NULL, worker, NULL), 0);
	pthread_barrier_wait(&ready);

	/* The worker's loop ends once its handler has run. */
	test_wait_in_poll((long)worker_tid);
	CHECK_EQ_INT(pthread_kill(thr, SIGUSR1), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	CHECK_EQ_INT(private_calls, 1);

	timer_in(&timer, 100, finish, NULL);
	iv_main();
	CHECK_EQ_INT(shared_calls, 0);
	CHECK(sig_disposition(SIGUSR1) == SIG_DFL);
	pthread_barrier_destroy(&ready);
	iv_deinit();
	return 0;
}
