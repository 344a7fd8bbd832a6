/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 39: close, arm and trigger race on one conn from three threads. */

#include <pthread.h>
#include <sched.h>
#include "check.h"
#include "nq.h"

static struct nq q;
static struct iv_notify_conn conn;
static unsigned int word;
static int stop;

static void *armer(void *arg)
{
	struct iv_sigevent ev = nq_mem_ev(&word);
	int r;

	for (;;) {
		r = iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_INPUT, &ev);
		if (r < 0) {
			CHECK_EQ_INT(errno, EBADF);
			break;
		}
	}
	return NULL;
}

static void *trigger(void *arg)
{
	while (!__atomic_load_n(&stop, __ATOMIC_SEQ_CST)) {
		nq_push(&q, 1);
		nq_pop(&q, 1);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, t;
	unsigned int seen;
	int round, i;

	TEST_BEGIN(60);
	CHECK_EQ_INT(nq_init(&q, 4), 0);
	for (round = 0; round < 200; round++) {
		CHECK_EQ_INT(iv_notify_open(&conn, &q.src), 0);
		__atomic_store_n(&stop, 0, __ATOMIC_SEQ_CST);
		CHECK_EQ_INT(pthread_create(&a, NULL, armer, NULL), 0);
		CHECK_EQ_INT(pthread_create(&t, NULL, trigger, NULL), 0);
		for (i = 0; i < round % 50; i++)
			sched_yield();
		CHECK_EQ_INT(iv_notify_close(&conn), 0);
		/* No delivery starts once close has returned. */
		seen = __atomic_load_n(&word, __ATOMIC_SEQ_CST);
		for (i = 0; i < 100; i++)
			sched_yield();
		CHECK_EQ_INT(__atomic_load_n(&word, __ATOMIC_SEQ_CST), seen);
		CHECK_EQ_INT(pthread_join(a, NULL), 0);
		__atomic_store_n(&stop, 1, __ATOMIC_SEQ_CST);
		CHECK_EQ_INT(pthread_join(t, NULL), 0);
		CHECK_EQ_INT(__atomic_load_n(&word, __ATOMIC_SEQ_CST), seen);
	}
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
