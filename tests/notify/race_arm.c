/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 35: a push landing between query and arm is never lost. */

#include <pthread.h>
#include <time.h>
#include "check.h"
#include "hook.h"
#include "nq.h"

static struct nq q;
static pthread_t pusher;
static int fired;

static void *push_one(void *arg)
{
	nq_push(&q, 1);
	return NULL;
}

/* Paused after query(): a producer pushes and triggers meanwhile. */
static void hook(int point, void *arg)
{
	struct timespec d = { 0, 20 * 1000 * 1000 };

	if (point != 1 || fired)
		return;
	fired = 1;
	CHECK_EQ_INT(pthread_create(&pusher, NULL, push_one, NULL), 0);
	nanosleep(&d, NULL);
}

int main(void)
{
	struct iv_notify_conn c;
	unsigned int word = 0;
	struct iv_sigevent ev;
	int round, r;

	TEST_BEGIN(10);
	CHECK_EQ_INT(nq_init(&q, 1000), 0);
	CHECK_EQ_INT(iv_notify_open(&c, &q.src), 0);
	ev = nq_mem_ev(&word);
	iv_notify_test_hook = hook;
	for (round = 0; round < 20; round++) {
		int action = round & 1 ? IV_NOTIFY_ACTION_CONDARM :
					 IV_NOTIFY_ACTION_POLLARM;

		fired = 0;
		word = 0;
		r = iv_notify_arm(&c, action, IV_NOTIFY_COND_INPUT, &ev);
		CHECK_EQ_INT(pthread_join(pusher, NULL), 0);
		CHECK(fired);
		/* Either the reply says ready, or the entry got the push. */
		if (r > 0)
			CHECK_EQ_INT(word, 0);
		else
			CHECK_EQ_INT(__atomic_load_n(&word, __ATOMIC_SEQ_CST),
				     1);
		iv_notify_source_lock(&q.src);
		q.n = 0;
		iv_notify_source_unlock(&q.src);
	}
	iv_notify_test_hook = NULL;
	CHECK_EQ_INT(iv_notify_close(&c), 0);
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
