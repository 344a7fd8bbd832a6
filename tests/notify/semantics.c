/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The four actions, all-or-nothing, one-shot, thresholds, disarm (1-10). */

#include "check.h"
#include "nq.h"

int main(void)
{
	struct iv_notify_conn a, b;
	unsigned int wa = 0, wb = 0;
	struct iv_sigevent ea, eb, none;
	struct nq q;
	struct sigevent pz;
	struct iv_sigevent conv;

	TEST_BEGIN(10);
	CHECK_EQ_INT(nq_init(&q, 4), 0);
	CHECK_EQ_INT(iv_notify_open(&a, &q.src), 0);
	CHECK_EQ_INT(iv_notify_open(&b, &q.src), 0);
	ea = nq_mem_ev(&wa);
	eb = nq_mem_ev(&wb);
	memset(&none, 0, sizeof(none));

	/* 1: POLL with nothing ready arms nothing. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLL,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 0);

	/* 2: POLL echoes the vocabulary of the request. */
	CHECK_EQ_INT((unsigned)iv_notify_arm(&a, IV_NOTIFY_ACTION_POLL,
					     IV_NOTIFY_COND_INPUT, NULL),
		     IV_NOTIFY_COND_INPUT);
	CHECK_EQ_INT((unsigned)iv_notify_arm(&a, IV_NOTIFY_ACTION_POLL,
			IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_RDNORM, NULL),
		     IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_RDNORM);
	nq_pop(&q, 1);

	/* 3: POLLARM not ready arms once. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 1);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 1);
	nq_pop(&q, 2);

	/* 4: all-or-nothing; cancels an earlier INPUT arm of this conn. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	CHECK_EQ_INT((unsigned)iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
			IV_NOTIFY_COND_INPUT | IV_NOTIFY_COND_OUTPUT, &ea),
		     IV_NOTIFY_COND_OUTPUT);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 1);
	nq_pop(&q, 1);

	/* 5: CONDARM. */
	CHECK_ERRNO(iv_notify_arm(&a, IV_NOTIFY_ACTION_CONDARM,
				  IV_NOTIFY_COND_INPUT, &ea), EAGAIN);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 2);
	CHECK_EQ_INT((unsigned)iv_notify_arm(&a, IV_NOTIFY_ACTION_CONDARM,
					     IV_NOTIFY_COND_INPUT, &ea),
		     IV_NOTIFY_COND_INPUT);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 2);

	/* 6: TRANARM on a non-empty queue waits for empty -> non-empty. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_TRANARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 2);
	nq_pop(&q, 3);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 3);
	nq_pop(&q, 1);

	/* 7: the single-TRANARM rule. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_TRANARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	CHECK_ERRNO(iv_notify_arm(&b, IV_NOTIFY_ACTION_TRANARM,
				  IV_NOTIFY_COND_INPUT, &eb), EBUSY);
	CHECK_ERRNO(iv_notify_arm(&b, IV_NOTIFY_ACTION_TRANARM,
				  IV_NOTIFY_COND_INPUT, NULL), EBUSY);
	CHECK_ERRNO(iv_notify_arm(&a, IV_NOTIFY_ACTION_TRANARM,
				  IV_NOTIFY_COND_INPUT, &ea), EBUSY);
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_TRANARM,
				   IV_NOTIFY_COND_INPUT, NULL), 0);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 3);
	nq_pop(&q, 1);
	CHECK_EQ_INT(iv_notify_arm(&b, IV_NOTIFY_ACTION_TRANARM,
				   IV_NOTIFY_COND_INPUT, &eb), 0);
	nq_push(&q, 1);
	CHECK_EQ_INT(wb, 1);
	nq_pop(&q, 1);

	/* 8: a POLLARM does not block TRANARM by default. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	CHECK_EQ_INT(iv_notify_arm(&b, IV_NOTIFY_ACTION_TRANARM,
				   IV_NOTIFY_COND_INPUT, &eb), 0);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 4);
	CHECK_EQ_INT(wb, 2);
	nq_pop(&q, 1);

	/* 9: NULL and IV_SIGEV_NONE disarm; a zero POSIX sigevent is
	 * a signal 0, which is refused. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, NULL), 0);
	CHECK_ERRNO(iv_notify_arm(&b, IV_NOTIFY_ACTION_CONDARM,
				  IV_NOTIFY_COND_INPUT, &eb), EAGAIN);
	CHECK_ERRNO(iv_notify_arm(&b, IV_NOTIFY_ACTION_CONDARM,
				  IV_NOTIFY_COND_INPUT, &none), EAGAIN);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 4);
	CHECK_EQ_INT(wb, 2);
	nq_pop(&q, 1);
	memset(&pz, 0, sizeof(pz));
	CHECK_EQ_INT(iv_sigevent_from_posix(&conv, &pz), 0);
	CHECK_EQ_INT(conv.notify, IV_SIGEV_SIGNAL);
	CHECK_ERRNO(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_INPUT, &conv), EINVAL);

	/* 10: thresholds, and the check truth table. */
	q.counts[0] = 5;
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	CHECK_EQ_INT(iv_notify_check(&q.src, 0, 4, 1), 0);
	CHECK_EQ_INT(iv_notify_check(&q.src, 0, 5, 0), 1);
	nq_push(&q, 1);
	nq_push(&q, 3);
	CHECK_EQ_INT(wa, 4);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 5);
	CHECK_EQ_INT(iv_notify_check(&q.src, 0, INT_MAX - 1, 1), 0);
	nq_pop(&q, 5);
	q.counts[0] = 1;
	CHECK_EQ_INT(iv_notify_arm(&b, IV_NOTIFY_ACTION_TRANARM,
				   IV_NOTIFY_COND_INPUT, &eb), 0);
	CHECK_EQ_INT(iv_notify_check(&q.src, 0, 1, 0), 0);
	CHECK_EQ_INT(iv_notify_check(&q.src, 0, 1, 1), 1);
	iv_notify_remove(&q.src, NULL);
	CHECK_EQ_INT(wb, 2);

	/* 11: a TRANARM on a non-empty queue does not starve a threshold. */
	nq_push(&q, 1);
	q.counts[0] = 3;
	CHECK_EQ_INT(iv_notify_arm(&b, IV_NOTIFY_ACTION_TRANARM,
				   IV_NOTIFY_COND_INPUT, &eb), 0);
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 5);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 6);
	CHECK_EQ_INT(wb, 2);

	/* Bad arguments. */
	CHECK_ERRNO(iv_notify_arm(&a, 0x1000, IV_NOTIFY_COND_INPUT, &ea),
		    EINVAL);
	CHECK_ERRNO(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				  IV_NOTIFY_COND_EXTEN | 0x10000, &ea), EINVAL);
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM, 0, &ea), 0);

	CHECK_EQ_INT(iv_notify_close(&a), 0);
	CHECK_EQ_INT(iv_notify_close(&a), EBADF);
	CHECK_EQ_INT(iv_notify_close(&b), 0);
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
