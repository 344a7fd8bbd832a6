/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 41: triggers after the arming thread left its loop are dropped. */

#include <pthread.h>
#include <string.h>
#include <iv.h>
#include "check.h"
#include "nq.h"

static struct nq q;
static struct iv_notify_conn conns[4];
static int called;

static void on_delivery(void *cookie, uint32_t conds, union sigval v)
{
	called = 1;
}

static void *client(void *arg)
{
	struct iv_notify_conn *c = arg;
	struct iv_sigevent ev;

	iv_init();
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_CALLBACK;
	ev.handler = on_delivery;
	CHECK_EQ_INT(iv_notify_arm(c, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ev), 0);
	/* Half the clients leave through iv_deinit(), half just exit. */
	if (c == &conns[0] || c == &conns[2])
		iv_deinit();
	return NULL;
}

int main(void)
{
	pthread_t t[4];
	int i;

	TEST_BEGIN(10);
	CHECK_EQ_INT(nq_init(&q, 4), 0);
	for (i = 0; i < 4; i++) {
		CHECK_EQ_INT(iv_notify_open(&conns[i], &q.src), 0);
		CHECK_EQ_INT(pthread_create(&t[i], NULL, client, &conns[i]),
			     0);
		CHECK_EQ_INT(pthread_join(t[i], NULL), 0);
	}
	nq_push(&q, 1);
	nq_pop(&q, 1);
	nq_push(&q, 1);
	CHECK(!called);
	for (i = 0; i < 4; i++)
		CHECK_EQ_INT(iv_notify_close(&conns[i]), 0);
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
