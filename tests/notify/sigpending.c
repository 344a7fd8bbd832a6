/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 25: a signal refused with EAGAIN is counted and retried. */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include "check.h"
#include "nq.h"

static int drain_signals(int sig)
{
	struct timespec zero = { 0, 0 };
	sigset_t set;
	int n = 0;

	sigemptyset(&set);
	sigaddset(&set, sig);
	while (sigtimedwait(&set, NULL, &zero) == sig)
		n++;
	return n;
}

static void run(const struct iv_notify_source_ops *ops, int retry)
{
	struct iv_notify_stats st;
	struct iv_notify_conn c;
	struct iv_sigevent ev;
	struct nq q;
	int queued, i;

	CHECK_EQ_INT(nq_init_ops(&q, 1000, 3, ops), 0);
	CHECK_EQ_INT(iv_notify_open(&c, &q.src), 0);
	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_SIGNAL;
	ev.signo = SIGRTMIN;
	ev.value.sival_int = 7;

	/* Fill the queue of pending signals until one is refused. */
	for (i = 0; i < 256; i++) {
		nq_pop(&q, q.n);
		CHECK_EQ_INT(iv_notify_arm(&c, IV_NOTIFY_ACTION_POLLARM,
					   IV_NOTIFY_COND_INPUT, &ev), 0);
		nq_push(&q, 1);
		iv_notify_source_stats(&q.src, &st);
		if (st.dropped + st.retried > 0)
			break;
	}
	queued = drain_signals(SIGRTMIN);
	if (st.dropped + st.retried == 0 || queued == 0) {
		/* Other processes of this user hold the pending budget,
		 * or the limit does not bite here. */
		fprintf(stderr, "cannot exhaust the pending-signal limit\n");
		exit(TEST_SKIP);
	}
	CHECK_EQ_INT(st.deliveries, (uint64_t)queued);
	if (retry) {
		CHECK_EQ_INT(st.retried, 1);
		CHECK_EQ_INT(st.dropped, 0);
	} else {
		CHECK_EQ_INT(st.dropped, 1);
		CHECK_EQ_INT(st.retried, 0);
	}

	/* The next trigger retries the refused delivery, if enabled. */
	nq_push(&q, 1);
	if (retry) {
		/* Another process of this user may briefly take the room
		 * freed above; the entry then stays armed for the next. */
		for (i = 0; i < 1000 && drain_signals(SIGRTMIN) == 0; i++) {
			usleep(1000);
			nq_push(&q, 1);
		}
		CHECK(i < 1000);
		iv_notify_source_stats(&q.src, &st);
		CHECK_EQ_INT(st.deliveries, (uint64_t)queued + 1);
	} else {
		iv_notify_source_stats(&q.src, &st);
		CHECK_EQ_INT(drain_signals(SIGRTMIN), 0);
		CHECK_EQ_INT(st.deliveries, (uint64_t)queued);
	}
	CHECK_EQ_INT(iv_notify_close(&c), 0);
	iv_notify_source_destroy(&q.src, 0);
}

int main(void)
{
	static const struct iv_notify_source_ops no_retry = {
		.query = nq_query, .flags = IV_NOTIFY_SRC_NO_RETRY,
	};
	struct rlimit rl = { 32, 32 };
	sigset_t set;

	TEST_BEGIN(10);
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	CHECK_EQ_INT(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	drain_signals(SIGRTMIN);
	if (setrlimit(RLIMIT_SIGPENDING, &rl) != 0)
		return TEST_SKIP;
	run(&nq_ops, 1);
	run(&no_retry, 0);
	return 0;
}
