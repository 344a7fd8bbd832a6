/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 40: destroy waits for a trigger caught inside its delivery. */

#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include "check.h"
#include "hook.h"
#include "nq.h"

static struct nq *q;
static int in_delivery, delivery_done;

static void hook(int point, void *arg)
{
	struct timespec d = { 0, 50 * 1000 * 1000 };

	if (point != 3 || __atomic_load_n(&in_delivery, __ATOMIC_SEQ_CST))
		return;
	__atomic_store_n(&in_delivery, 1, __ATOMIC_SEQ_CST);
	nanosleep(&d, NULL);
	__atomic_store_n(&delivery_done, 1, __ATOMIC_SEQ_CST);
}

static void *producer(void *arg)
{
	nq_push(q, 1);
	return NULL;
}

static void *armer(void *arg)
{
	struct iv_notify_conn *c = arg;
	unsigned int word = 0;
	struct iv_sigevent ev = nq_mem_ev(&word);
	int i, r;

	/* Arms racing the destroy either work or see EBADF. */
	for (i = 0; i < 1000; i++) {
		r = iv_notify_arm(c, IV_NOTIFY_ACTION_POLL,
				  IV_NOTIFY_COND_INPUT, &ev);
		CHECK(r >= 0 || errno == EBADF);
	}
	return NULL;
}

int main(void)
{
	struct iv_notify_conn a, b;
	unsigned int word = 0;
	struct iv_sigevent ev;
	pthread_t t, u;
	struct timespec d = { 0, 1000 * 1000 };

	TEST_BEGIN(10);
	q = malloc(sizeof(*q));
	CHECK(q != NULL);
	CHECK_EQ_INT(nq_init(q, 4), 0);
	CHECK_EQ_INT(iv_notify_open(&a, &q->src), 0);
	CHECK_EQ_INT(iv_notify_open(&b, &q->src), 0);
	ev = nq_mem_ev(&word);
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ev), 0);
	iv_notify_test_hook = hook;

	CHECK_EQ_INT(pthread_create(&t, NULL, producer, NULL), 0);
	while (!__atomic_load_n(&in_delivery, __ATOMIC_SEQ_CST))
		nanosleep(&d, NULL);
	CHECK_EQ_INT(pthread_create(&u, NULL, armer, &b), 0);
	iv_notify_source_destroy(&q->src, IV_NOTIFY_CONDE_HUP);
	CHECK(__atomic_load_n(&delivery_done, __ATOMIC_SEQ_CST));
	/* The resource can go right away; the conns only see a dead core. */
	free(q);
	CHECK_EQ_INT(pthread_join(t, NULL), 0);
	CHECK_EQ_INT(pthread_join(u, NULL), 0);
	CHECK_EQ_INT(word, 1);
	CHECK_ERRNO(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_INPUT, &ev), EBADF);
	iv_notify_test_hook = NULL;
	CHECK_EQ_INT(iv_notify_close(&a), 0);
	CHECK_EQ_INT(iv_notify_close(&b), 0);
	return 0;
}
