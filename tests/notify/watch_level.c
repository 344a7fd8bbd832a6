/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A watch is level-triggered and fair; iv_main ends with the last one (26, 27, 29). */

#include <iv.h>
#include "check.h"
#include "nq.h"

static struct nq q;
static struct iv_notify_conn conn;
static struct iv_notify_watch w;
static struct iv_timer tim;
static int in_calls, out_calls, timer_calls, in_register;

static void on_in(void *c)
{
	CHECK(!in_register);
	in_calls++;
	/* Not drained: called again next iteration, but the timer and
	 * the writable side get their turns too. */
	if (in_calls == 50) {
		nq_pop(&q, q.n);
		iv_notify_watch_unregister(&w);
	}
}

static void on_out(void *c)
{
	out_calls++;
	iv_notify_watch_set_handler_out(&w, NULL);
}

static void on_timer(void *c)
{
	timer_calls++;
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();
	CHECK_EQ_INT(nq_init(&q, 8), 0);
	CHECK_EQ_INT(iv_notify_open(&conn, &q.src), 0);
	nq_push(&q, 1);

	IV_NOTIFY_WATCH_INIT(&w);
	w.conn = &conn;
	w.handler_in = on_in;
	in_register = 1;
	CHECK_EQ_INT(iv_notify_watch_register(&w), 0);
	in_register = 0;
	CHECK_EQ_INT(in_calls, 0);
	iv_notify_watch_set_handler_out(&w, on_out);
	CHECK_EQ_INT(out_calls, 0);

	IV_TIMER_INIT(&tim);
	iv_validate_now();
	tim.expires = iv_now;
	tim.handler = on_timer;
	iv_timer_register(&tim);

	iv_main();
	CHECK_EQ_INT(in_calls, 50);
	CHECK_EQ_INT(out_calls, 1);
	CHECK_EQ_INT(timer_calls, 1);
	CHECK(!iv_notify_watch_registered(&w));

	CHECK_EQ_INT(iv_notify_close(&conn), 0);
	iv_notify_source_destroy(&q.src, 0);
	iv_deinit();
	return 0;
}
