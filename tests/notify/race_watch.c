/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 38: a push between a watch's handlers and its re-arm is seen. */

#include <pthread.h>
#include <iv.h>
#include "check.h"
#include "hook.h"
#include "nq.h"

static struct nq q;
static struct iv_notify_conn conn;
static struct iv_notify_watch w;
static int calls, pushes;

static void *push_one(void *arg)
{
	nq_push(&q, 1);
	return NULL;
}

/* In the window: another thread pushes, and is done before the re-arm. */
static void hook(int point, void *arg)
{
	pthread_t t;

	if (point != 2 || arg != &w || pushes >= 5)
		return;
	pushes++;
	CHECK_EQ_INT(pthread_create(&t, NULL, push_one, NULL), 0);
	CHECK_EQ_INT(pthread_join(t, NULL), 0);
}

static void on_in(void *c)
{
	calls++;
	nq_pop(&q, q.n);
	if (calls == 6)
		iv_notify_watch_unregister(&w);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();
	CHECK_EQ_INT(nq_init(&q, 100), 0);
	CHECK_EQ_INT(iv_notify_open(&conn, &q.src), 0);
	iv_notify_test_hook = hook;
	nq_push(&q, 1);

	IV_NOTIFY_WATCH_INIT(&w);
	w.conn = &conn;
	w.handler_in = on_in;
	CHECK_EQ_INT(iv_notify_watch_register(&w), 0);
	iv_main();
	/* The first call plus one per push made inside the window. */
	CHECK_EQ_INT(pushes, 5);
	CHECK_EQ_INT(calls, 6);
	CHECK_EQ_INT(q.n, 0);

	iv_notify_test_hook = NULL;
	CHECK_EQ_INT(iv_notify_close(&conn), 0);
	iv_notify_source_destroy(&q.src, 0);
	iv_deinit();
	return 0;
}
