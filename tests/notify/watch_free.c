/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 28: a watch may be unregistered and freed from its handlers. */

#include <stdlib.h>
#include <iv.h>
#include "check.h"
#include "nq.h"

static int calls;

static void free_self(void *cookie)
{
	struct iv_notify_watch *w = cookie;

	calls++;
	iv_notify_watch_unregister(w);
	free(w);
}

static struct iv_notify_watch *new_watch(struct iv_notify_conn *c)
{
	struct iv_notify_watch *w = malloc(sizeof(*w));

	CHECK(w != NULL);
	IV_NOTIFY_WATCH_INIT(w);
	w->conn = c;
	w->cookie = w;
	return w;
}

static void on_timeout(void *c)
{
	iv_quit();
}

int main(void)
{
	struct iv_notify_conn c, c2;
	struct iv_notify_watch *w;
	struct iv_timer tim;
	struct nq q, q2;

	TEST_BEGIN(10);
	iv_init();
	CHECK_EQ_INT(nq_init(&q, 4), 0);
	CHECK_EQ_INT(iv_notify_open(&c, &q.src), 0);

	/* From handler_in. */
	nq_push(&q, 1);
	w = new_watch(&c);
	w->handler_in = free_self;
	w->handler_out = free_self;
	CHECK_EQ_INT(iv_notify_watch_register(w), 0);
	iv_main();
	CHECK_EQ_INT(calls, 1);

	/* From handler_out. */
	w = new_watch(&c);
	w->handler_out = free_self;
	CHECK_EQ_INT(iv_notify_watch_register(w), 0);
	iv_main();
	CHECK_EQ_INT(calls, 2);
	nq_pop(&q, 1);

	/* From handler_err, on a destroyed source. */
	CHECK_EQ_INT(nq_init(&q2, 4), 0);
	CHECK_EQ_INT(iv_notify_open(&c2, &q2.src), 0);
	w = new_watch(&c2);
	w->handler_err = free_self;
	CHECK_EQ_INT(iv_notify_watch_register(w), 0);
	iv_notify_source_destroy(&q2.src, IV_NOTIFY_CONDE_HUP);
	iv_main();
	CHECK_EQ_INT(calls, 3);
	CHECK_EQ_INT(iv_notify_close(&c2), 0);

	/* Unregistered while its delivery is queued: never called. */
	w = new_watch(&c);
	w->handler_in = free_self;
	CHECK_EQ_INT(iv_notify_watch_register(w), 0);
	nq_push(&q, 1);
	iv_notify_watch_unregister(w);
	free(w);
	IV_TIMER_INIT(&tim);
	iv_validate_now();
	tim.expires = iv_now;
	tim.expires.tv_nsec += 20 * 1000 * 1000;
	if (tim.expires.tv_nsec >= 1000000000) {
		tim.expires.tv_sec++;
		tim.expires.tv_nsec -= 1000000000;
	}
	tim.handler = on_timeout;
	iv_timer_register(&tim);
	iv_main();
	CHECK_EQ_INT(calls, 3);

	CHECK_EQ_INT(iv_notify_close(&c), 0);
	iv_notify_source_destroy(&q.src, 0);
	iv_deinit();
	return 0;
}
