/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Several loops each hold a process-wide registration of one signal while
 * another thread floods the process with it and the loops keep adding
 * and removing further registrations (process-wide and THIS_THREAD) of
 * the same signal: the handlers run in their own loops, and every loop
 * keeps hearing the signal until the flood ends. */

#include <pthread.h>
#include "sig_util.h"

#define LOOPS	4
#define SENDS	2000

struct loop {
	pthread_t		thr;
	unsigned long		tid;
	struct iv_signal	sig;
	struct iv_signal	extra;
	struct iv_task		churn;
	int			calls;
	int			churned;
};

static struct loop loops[LOOPS];
static pthread_barrier_t ready;
static int flood_over;
static int finished;

static void got_signal(void *cookie)
{
	struct loop *l = cookie;

	CHECK_EQ_INT(iv_get_thread_id(), l->tid);
	l->calls++;
	if (__atomic_load_n(&flood_over, __ATOMIC_SEQ_CST)) {
		sigset_t usr1;

		/* Once the last registration is gone the signal would
		 * kill us: stop taking it first. */
		sigemptyset(&usr1);
		sigaddset(&usr1, SIGUSR1);
		CHECK_EQ_INT(pthread_sigmask(SIG_BLOCK, &usr1, NULL), 0);
		iv_signal_unregister(&l->sig);
		if (iv_task_registered(&l->churn))
			iv_task_unregister(&l->churn);
		__atomic_fetch_add(&finished, 1, __ATOMIC_SEQ_CST);
	}
}

static void got_extra(void *cookie)
{
}

/* Register and drop a second registration, over and over. */
static void do_churn(void *cookie)
{
	struct loop *l = cookie;

	sig_setup(&l->extra, SIGUSR1,
		  (l->churned & 1) ? IV_SIGNAL_FLAG_THIS_THREAD : 0,
		  got_extra, l);
	CHECK_EQ_INT(iv_signal_register(&l->extra), 0);
	iv_signal_unregister(&l->extra);
	l->churned++;
	iv_task_register(&l->churn);
}

static void *loop_thread(void *arg)
{
	struct loop *l = arg;
	sigset_t usr1;

	/* The sender's mask was inherited. */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	CHECK_EQ_INT(pthread_sigmask(SIG_UNBLOCK, &usr1, NULL), 0);

	iv_init();
	l->tid = iv_get_thread_id();
	sig_setup(&l->sig, SIGUSR1, 0, got_signal, l);
	CHECK_EQ_INT(iv_signal_register(&l->sig), 0);
	IV_TASK_INIT(&l->churn);
	l->churn.cookie = l;
	l->churn.handler = do_churn;
	iv_task_register(&l->churn);
	pthread_barrier_wait(&ready);

	iv_main();
	iv_deinit();
	return NULL;
}

int main(void)
{
	sigset_t usr1;
	int i;

	TEST_BEGIN(60);

	/* Keep the signal off this thread: it is the sender. */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	CHECK_EQ_INT(pthread_sigmask(SIG_BLOCK, &usr1, NULL), 0);

	pthread_barrier_init(&ready, NULL, LOOPS + 1);
	for (i = 0; i < LOOPS; i++) {
		CHECK_EQ_INT(pthread_create(&loops[i].thr, NULL, loop_thread,
					    &loops[i]), 0);
	}
	pthread_barrier_wait(&ready);

	for (i = 0; i < SENDS; i++) {
		CHECK_EQ_INT(kill(getpid(), SIGUSR1), 0);
		if (i % 64 == 0)
			usleep(1000);
	}
	/*
	 * Now every loop stops at its next call.  A signal that lands on a
	 * thread while it has a THIS_THREAD registration goes to that one
	 * only, so keep sending until every loop has had its call.
	 */
	__atomic_store_n(&flood_over, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&finished, __ATOMIC_SEQ_CST) < LOOPS) {
		CHECK_EQ_INT(kill(getpid(), SIGUSR1), 0);
		usleep(1000);
	}

	for (i = 0; i < LOOPS; i++) {
		CHECK_EQ_INT(pthread_join(loops[i].thr, NULL), 0);
		CHECK(loops[i].calls >= 1);
		CHECK(loops[i].churned >= 1);
	}
	CHECK(sig_disposition(SIGUSR1) == SIG_DFL);
	pthread_barrier_destroy(&ready);
	return 0;
}
