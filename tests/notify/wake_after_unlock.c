/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/*
 * A CALLBACK delivery wakes the arming loop only once the triggering
 * thread has released the source lock (design note 6 of iv_notify.c):
 * the woken loop does not run into a lock still held.  A thread defers
 * up to 16 wake-ups at a time; one trigger that reaches more endpoints
 * than that wakes the rest at once, and still wakes them all.
 */

#include <pthread.h>
#include <iv.h>
#include "check.h"
#include "nq.h"

#define MAXLOOPS	20

static struct nq q;
static int unlocked;		/* the pusher released the lock */
static int early;		/* a callback ran before that */
static int calls;

struct loop {
	pthread_t		thr;
	struct iv_notify_conn	conn;
};

static struct loop loops[MAXLOOPS];
static pthread_barrier_t armed;

static void got(void *cookie, uint32_t conds, union sigval v)
{
	if (!__atomic_load_n(&unlocked, __ATOMIC_ACQUIRE))
		__atomic_store_n(&early, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED);
}

static void *loop_thread(void *arg)
{
	struct loop *l = arg;
	struct iv_sigevent ev;

	iv_init();
	CHECK_EQ_INT(iv_notify_open(&l->conn, &q.src), 0);
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_CALLBACK;
	ev.handler = got;
	ev.cookie = l;
	CHECK_EQ_INT(iv_notify_arm(&l->conn, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ev), 0);
	pthread_barrier_wait(&armed);
	iv_main();		/* ends after the one callback */
	CHECK_EQ_INT(iv_notify_close(&l->conn), 0);
	iv_deinit();
	return NULL;
}

/* One trigger under the lock reaching n loops; returns whether a
 * callback ran before the lock was released. */
static int round_of(int n)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	int i;

	__atomic_store_n(&unlocked, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&early, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&calls, 0, __ATOMIC_RELAXED);
	CHECK_EQ_INT(nq_init(&q, 64), 0);
	pthread_barrier_init(&armed, NULL, n + 1);
	for (i = 0; i < n; i++)
		CHECK_EQ_INT(pthread_create(&loops[i].thr, NULL, loop_thread,
					    &loops[i]), 0);
	pthread_barrier_wait(&armed);

	/* Trigger with the lock held, then hold it a while longer. */
	iv_notify_source_lock(&q.src);
	q.n = 1;
	iv_notify_trigger_locked(&q.src, q.n, IV_NOTIFY_INPUT);
	nanosleep(&pause, NULL);
	__atomic_store_n(&unlocked, 1, __ATOMIC_RELEASE);
	iv_notify_source_unlock(&q.src);

	for (i = 0; i < n; i++)
		CHECK_EQ_INT(pthread_join(loops[i].thr, NULL), 0);
	CHECK_EQ_INT(__atomic_load_n(&calls, __ATOMIC_RELAXED), n);
	pthread_barrier_destroy(&armed);
	iv_notify_source_destroy(&q.src, 0);
	return __atomic_load_n(&early, __ATOMIC_RELAXED);
}

int main(void)
{
	TEST_BEGIN(20);
	CHECK_EQ_INT(round_of(12), 0);
	round_of(MAXLOOPS);
	return 0;
}
