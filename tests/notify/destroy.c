/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Destroy: HUP to every armed entry once, then EBADF, POLLNVAL, handler_err (18). */

#include <stdlib.h>
#include <iv.h>
#include "check.h"
#include "nq.h"

static struct iv_notify_conn conn, conn2;
static struct iv_notify_watch w;
static int errs;

static void on_err(void *c)
{
	if (++errs == 3)
		iv_notify_watch_unregister(&w);
}

static void on_in(void *c)
{
	CHECK(0);
}

int main(void)
{
	struct nq *q = malloc(sizeof(*q));
	unsigned int w0 = 0, w1 = 0;
	struct iv_sigevent e0 = nq_mem_ev(&w0), e1 = nq_mem_ev(&w1);
	struct iv_notify_pollfd p;
	struct timespec zero = { 0, 0 };

	TEST_BEGIN(10);
	iv_init();
	CHECK_EQ_INT(nq_init(q, 8), 0);
	CHECK_EQ_INT(iv_notify_open(&conn, &q->src), 0);
	CHECK_EQ_INT(iv_notify_open(&conn2, &q->src), 0);
	q->counts[0] = 100;
	CHECK_EQ_INT(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &e0), 0);
	CHECK_EQ_INT(iv_notify_arm(&conn2, IV_NOTIFY_ACTION_TRANARM,
			IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_PRI, &e1), 0);
	IV_NOTIFY_WATCH_INIT(&w);
	w.conn = &conn2;
	w.handler_in = on_in;
	w.handler_err = on_err;
	CHECK_EQ_INT(iv_notify_watch_register(&w), 0);

	iv_notify_source_destroy(&q->src, 0);
	free(q);
	CHECK_EQ_INT(w0, 1);
	CHECK_EQ_INT(w1, 1);
	CHECK_ERRNO(iv_notify_arm(&conn, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_INPUT, &e0), EBADF);
	p.conn = &conn;
	p.events = POLLIN;
	CHECK_EQ_INT(iv_notify_poll(&p, 1, &zero), 1);
	CHECK(p.revents & POLLNVAL);
	iv_main();
	CHECK_EQ_INT(errs, 3);
	CHECK_EQ_INT(iv_notify_close(&conn), 0);
	CHECK_EQ_INT(iv_notify_close(&conn2), 0);
	iv_deinit();
	return 0;
}
