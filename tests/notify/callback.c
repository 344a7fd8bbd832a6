/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* CALLBACK runs in the arming thread; a disarm cancels a pending one (19). */

#include <pthread.h>
#include <iv.h>
#include "check.h"
#include "nq.h"

static struct nq q;
static struct iv_notify_conn conn;
static unsigned long owner;
static int calls;
static uint32_t last_conds;

static void got(void *cookie, uint32_t conds, union sigval v)
{
	CHECK(cookie == &q);
	CHECK_EQ_INT(iv_get_thread_id(), owner);
	CHECK_EQ_INT(v.sival_int, 42);
	last_conds = conds;
	calls++;
}

static void *pusher(void *arg)
{
	nq_push(&q, 1);
	return NULL;
}

int main(void)
{
	struct iv_sigevent ev;
	pthread_t t;

	TEST_BEGIN(10);
	iv_init();
	owner = iv_get_thread_id();
	CHECK_EQ_INT(nq_init(&q, 8), 0);
	CHECK_EQ_INT(iv_notify_open(&conn, &q.src), 0);
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_CALLBACK;
	ev.handler = got;
	ev.cookie = &q;
	ev.value.sival_int = 42;

	/* Delivered from another thread, run here; the loop then ends. */
	CHECK_EQ_INT(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ev), 0);
	CHECK_EQ_INT(pthread_create(&t, NULL, pusher, NULL), 0);
	iv_main();
	pthread_join(t, NULL);
	CHECK_EQ_INT(calls, 1);
	CHECK_EQ_INT(last_conds, IV_NOTIFY_COND_INPUT);
	nq_pop(&q, 1);

	/* Triggered, then disarmed before the loop runs: no call. */
	CHECK_EQ_INT(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ev), 0);
	nq_push(&q, 1);
	CHECK_EQ_INT(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLL,
				   IV_NOTIFY_COND_INPUT, NULL),
		     IV_NOTIFY_COND_INPUT);
	iv_main();
	CHECK_EQ_INT(calls, 1);

	/* Without iv_init in the calling thread CALLBACK is refused. */
	CHECK_EQ_INT(iv_notify_close(&conn), 0);
	iv_notify_source_destroy(&q.src, 0);
	iv_deinit();
	CHECK_EQ_INT(nq_init(&q, 8), 0);
	CHECK_EQ_INT(iv_notify_open(&conn, &q.src), 0);
	CHECK_ERRNO(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_OUTPUT, &ev), EINVAL);
	CHECK_EQ_INT(iv_notify_close(&conn), 0);
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
