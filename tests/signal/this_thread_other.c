/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A signal that lands on a thread without a THIS_THREAD registration for
 * it goes to the process-wide registrations, not to another thread's
 * private one; one that lands on a thread with no registration for it at
 * all is dropped. */

#include <pthread.h>
#include "sig_util.h"

static struct iv_signal shared;		/* main thread, process-wide */
static struct iv_signal private;	/* worker, THIS_THREAD */
static struct iv_timer timer;		/* main thread */
static pthread_barrier_t ready;
static pthread_t worker_thr;
static unsigned long main_tid;
static int shared_calls;
static int private_calls;
static int last_round;

static void got_shared(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), main_tid);
	shared_calls++;
}

static unsigned long worker_tid;

/* Only the final, thread-directed signal may reach it. */
static void got_private(void *cookie)
{
	CHECK_EQ_INT(__atomic_load_n(&last_round, __ATOMIC_SEQ_CST), 1);
	private_calls++;
	iv_signal_unregister(&private);
}

static void *worker(void *arg)
{
	iv_init();
	sig_setup(&private, SIGUSR2, IV_SIGNAL_FLAG_THIS_THREAD, got_private,
		  NULL);
	CHECK_EQ_INT(iv_signal_register(&private), 0);
	__atomic_store_n(&worker_tid, iv_get_thread_id(), __ATOMIC_RELEASE);
	pthread_barrier_wait(&ready);

	iv_main();
	CHECK_EQ_INT(private_calls, 1);
	iv_deinit();
	return NULL;
}

static void second_round(void *cookie)
{
	CHECK_EQ_INT(shared_calls, 1);
	iv_signal_unregister(&shared);

	/* Only the worker's private registration is left: a signal for
	 * this thread wakes nobody (and does not kill us either). */
	CHECK(sig_disposition(SIGUSR2) != SIG_DFL);
	CHECK_EQ_INT(raise(SIGUSR2), 0);

	/* Now let the worker have one, which ends its loop. */
	__atomic_store_n(&last_round, 1, __ATOMIC_SEQ_CST);
	test_wait_in_poll((long)__atomic_load_n(&worker_tid, __ATOMIC_ACQUIRE));
	CHECK_EQ_INT(pthread_kill(worker_thr, SIGUSR2), 0);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();
	main_tid = iv_get_thread_id();
	sig_setup(&shared, SIGUSR2, 0, got_shared, NULL);
	CHECK_EQ_INT(iv_signal_register(&shared), 0);

	pthread_barrier_init(&ready, NULL, 2);
	CHECK_EQ_INT(pthread_create(&worker_thr, NULL, worker, NULL), 0);
	pthread_barrier_wait(&ready);

	/* raise() directs the signal at this thread. */
	CHECK_EQ_INT(raise(SIGUSR2), 0);
	CHECK_EQ_INT(shared.active, 1);
	timer_in(&timer, 100, second_round, NULL);
	iv_main();

	CHECK_EQ_INT(pthread_join(worker_thr, NULL), 0);
	CHECK_EQ_INT(shared_calls, 1);
	CHECK_EQ_INT(private_calls, 1);
	CHECK(sig_disposition(SIGUSR2) == SIG_DFL);
	pthread_barrier_destroy(&ready);
	iv_deinit();
	return 0;
}
