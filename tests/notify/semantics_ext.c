/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Extended mapping, GROUP, strict trigger, remove (scenarios 12, 14-16). */

#include "check.h"
#include "nq.h"

static const uint32_t conde_bits[] = {
	IV_NOTIFY_CONDE_RDNORM, IV_NOTIFY_CONDE_WRNORM,
	IV_NOTIFY_CONDE_RDBAND, IV_NOTIFY_CONDE_PRI,
	IV_NOTIFY_CONDE_WRBAND, IV_NOTIFY_CONDE_ERR,
	IV_NOTIFY_CONDE_HUP, IV_NOTIFY_CONDE_NVAL,
};

static int poll_cmd(struct iv_notify_conn *c, uint32_t flags)
{
	return iv_notify_arm(c, IV_NOTIFY_ACTION_POLL, flags, NULL);
}

int main(void)
{
	struct iv_notify_conn a, b, c3;
	unsigned int wa = 0, wb = 0, w3 = 0;
	struct iv_sigevent ea, eb, e3;
	struct nq q, q3;
	unsigned int i;

	TEST_BEGIN(10);
	CHECK_EQ_INT(nq_init(&q, 4), 0);
	CHECK_EQ_INT(iv_notify_open(&a, &q.src), 0);
	CHECK_EQ_INT(iv_notify_open(&b, &q.src), 0);
	ea = nq_mem_ev(&wa);
	eb = nq_mem_ev(&wb);

	/* 12: an extended trig satisfies a basic request and back. */
	q.extra = IV_NOTIFY_CONDE_RDNORM;
	CHECK_EQ_INT((unsigned)poll_cmd(&a, IV_NOTIFY_COND_INPUT),
		     IV_NOTIFY_COND_INPUT);
	q.extra = 0;
	nq_push(&q, 1);
	CHECK_EQ_INT((unsigned)poll_cmd(&a, IV_NOTIFY_COND_EXTEN |
					IV_NOTIFY_CONDE_RDNORM),
		     IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_RDNORM);
	nq_pop(&q, 1);
	q.extra = IV_NOTIFY_CONDE_RDBAND;
	CHECK_EQ_INT((unsigned)poll_cmd(&a, IV_NOTIFY_COND_OBAND),
		     IV_NOTIFY_COND_OBAND);

	/* PRI, WRBAND, ERR, HUP and NVAL have no basic twin. */
	nq_push(&q, 4);
	q.extra = IV_NOTIFY_CONDE_PRI | IV_NOTIFY_CONDE_WRBAND |
		  IV_NOTIFY_CONDE_ERR | IV_NOTIFY_CONDE_HUP |
		  IV_NOTIFY_CONDE_NVAL;
	CHECK_EQ_INT(poll_cmd(&a, IV_NOTIFY_COND_OBAND |
			      IV_NOTIFY_COND_OUTPUT), 0);
	CHECK_EQ_INT((unsigned)poll_cmd(&a, IV_NOTIFY_COND_EXTEN |
					IV_NOTIFY_CONDE_PRI),
		     IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_PRI);
	CHECK_EQ_INT((unsigned)poll_cmd(&a, IV_NOTIFY_COND_EXTEN |
					IV_NOTIFY_CONDE_HUP |
					IV_NOTIFY_CONDE_WRNORM),
		     IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_HUP);
	q.extra = 0;
	nq_pop(&q, 4);

	/* A three-list source ignores what lies beyond index 2. */
	CHECK_EQ_INT(nq_init_ops(&q3, 4, 3, &nq_ops), 0);
	CHECK_EQ_INT(iv_notify_open(&c3, &q3.src), 0);
	e3 = nq_mem_ev(&w3);
	CHECK_EQ_INT(iv_notify_arm(&c3, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_HUP,
				   &e3), 0);
	iv_notify_trigger(&q3.src, INT_MAX, IV_NOTIFY_HUP);
	CHECK_EQ_INT(w3, 0);
	CHECK_EQ_INT(iv_notify_arm(&c3, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_HUP |
				   IV_NOTIFY_CONDE_RDNORM, &e3), 0);
	nq_push(&q3, 1);
	CHECK_EQ_INT(w3, 1);
	CHECK_EQ_INT(iv_notify_close(&c3), 0);
	iv_notify_source_destroy(&q3.src, 0);

	/* The poll-bit tables agree both ways. */
	for (i = 0; i < sizeof(conde_bits) / sizeof(conde_bits[0]); i++) {
		short p = iv_notify_conde_to_poll(conde_bits[i]);

		CHECK(p != 0);
		CHECK_EQ_INT(iv_notify_poll_to_conde(p), conde_bits[i]);
	}
	CHECK(iv_notify_conde_to_poll(IV_NOTIFY_COND_INPUT) & POLLIN);
	CHECK(iv_notify_conde_to_poll(IV_NOTIFY_COND_OUTPUT) & POLLOUT);
	CHECK_EQ_INT(iv_notify_poll_to_conde(POLLIN), IV_NOTIFY_CONDE_RDNORM);
	CHECK_EQ_INT(iv_notify_poll_to_conde(POLLNVAL), IV_NOTIFY_CONDE_NVAL);

	/* 14: without GROUP each list delivers; with it, one delivery. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT | IV_NOTIFY_COND_OBAND,
				   &ea), 0);
	nq_push(&q, 1);
	iv_notify_trigger(&q.src, 1, IV_NOTIFY_OBAND);
	CHECK_EQ_INT(wa, 2);
	nq_pop(&q, 1);
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM |
				   IV_NOTIFY_ACTF_GROUP,
				   IV_NOTIFY_COND_INPUT | IV_NOTIFY_COND_OBAND,
				   &ea), 0);
	nq_push(&q, 1);
	iv_notify_trigger(&q.src, 1, IV_NOTIFY_OBAND);
	CHECK_EQ_INT(wa, 3);
	nq_pop(&q, 1);

	/* 15: strict trigger; the cache still covers the other conn. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	CHECK_EQ_INT(iv_notify_arm(&b, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &eb), 0);
	iv_notify_trigger_strict(&q.src, &b, 1, IV_NOTIFY_INPUT);
	CHECK_EQ_INT(wb, 1);
	CHECK_EQ_INT(wa, 3);
	CHECK_EQ_INT(iv_notify_check(&q.src, IV_NOTIFY_INPUT, 1, 0), 1);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 4);
	CHECK_EQ_INT(wb, 1);
	CHECK_EQ_INT(iv_notify_check(&q.src, IV_NOTIFY_INPUT, INT_MAX - 1,
				     1), 0);
	nq_pop(&q, 1);

	/* 16: remove covers lists 0..2, remove_strict up to its limit,
	 * remove(NULL) every conn; none of them delivers. */
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT | IV_NOTIFY_COND_EXTEN |
				   IV_NOTIFY_CONDE_HUP, &ea), 0);
	iv_notify_remove(&q.src, &a);
	CHECK_EQ_INT(wa, 4);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 4);
	nq_pop(&q, 1);
	iv_notify_trigger(&q.src, INT_MAX, IV_NOTIFY_HUP);
	CHECK_EQ_INT(wa, 5);
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_EXTEN | IV_NOTIFY_CONDE_HUP,
				   &ea), 0);
	iv_notify_remove_strict(&q.src, &a, 7);
	iv_notify_trigger(&q.src, INT_MAX, IV_NOTIFY_HUP);
	CHECK_EQ_INT(wa, 5);
	CHECK_EQ_INT(iv_notify_arm(&a, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &ea), 0);
	CHECK_EQ_INT(iv_notify_arm(&b, IV_NOTIFY_ACTION_POLLARM,
				   IV_NOTIFY_COND_INPUT, &eb), 0);
	iv_notify_remove(&q.src, NULL);
	nq_push(&q, 1);
	CHECK_EQ_INT(wa, 5);
	CHECK_EQ_INT(wb, 1);

	CHECK_EQ_INT(iv_notify_close(&a), 0);
	CHECK_EQ_INT(iv_notify_close(&b), 0);
	iv_notify_source_destroy(&q.src, 0);
	return 0;
}
