/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A process-wide registration made by one thread runs its handler in
 * that thread's loop, also when the signal hits another thread. */

#include <pthread.h>
#include "sig_util.h"

static struct iv_signal sig;
static pthread_barrier_t ready;
static unsigned long worker_tid;
static int calls;

static void got_signal(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), worker_tid);
	calls++;
	iv_signal_unregister(&sig);
}

static void *worker(void *arg)
{
	iv_init();
	worker_tid = iv_get_thread_id();
	sig_setup(&sig, SIGUSR1, 0, got_signal, NULL);
	CHECK_EQ_INT(iv_signal_register(&sig), 0);
	pthread_barrier_wait(&ready);

	iv_main();
	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return NULL;
}

int main(void)
{
	pthread_t thr;

	TEST_BEGIN(10);
	/* This thread never has a loop. */
	pthread_barrier_init(&ready, NULL, 2);
	CHECK_EQ_INT(pthread_create(&thr, NULL, worker, NULL), 0);
	pthread_barrier_wait(&ready);

	CHECK_EQ_INT(raise(SIGUSR1), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	CHECK_EQ_INT(calls, 1);
	CHECK(sig_disposition(SIGUSR1) == SIG_DFL);
	pthread_barrier_destroy(&ready);
	return 0;
}
