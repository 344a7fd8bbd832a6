/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A counting queue in simple mode, shared by the iv_notify tests. */

#ifndef NQ_H
#define NQ_H

#include <limits.h>
#include <string.h>
#include <iv_notify.h>

struct nq {
	struct iv_notify_source	src;
	int			n;
	int			cap;
	int			counts[3];
	uint32_t		extra;	/* conditions forced true */
};

static uint32_t nq_query(void *cookie, int counts[IV_NOTIFY_MAXCOND])
{
	struct nq *q = cookie;
	uint32_t t = q->extra;

	counts[0] = q->counts[0];
	counts[1] = q->counts[1];
	counts[2] = q->counts[2];
	if (q->n > 0 && q->n >= q->counts[0])
		t |= IV_NOTIFY_COND_INPUT;
	if (q->n < q->cap)
		t |= IV_NOTIFY_COND_OUTPUT;
	return t;
}

static const struct iv_notify_source_ops nq_ops = { .query = nq_query };
static const struct iv_notify_source_ops nq_ops_qnx = {
	.query = nq_query, .flags = IV_NOTIFY_SRC_QNX_TRANARM,
};

static inline int nq_init_ops(struct nq *q, int cap, int nconds,
			      const struct iv_notify_source_ops *ops)
{
	memset(q, 0, sizeof(*q));
	q->cap = cap;
	q->counts[0] = q->counts[1] = q->counts[2] = 1;
	return iv_notify_source_init(&q->src, nconds, ops, q);
}

static inline int nq_init(struct nq *q, int cap)
{
	return nq_init_ops(q, cap, 15, &nq_ops);
}

/* Push k items; a push from empty is a transition. */
static inline void nq_push(struct nq *q, int k)
{
	int tran;

	iv_notify_source_lock(&q->src);
	tran = q->n == 0;
	q->n += k;
	iv_notify_trigger_ex_locked(&q->src, NULL, q->n, IV_NOTIFY_INPUT,
				    tran ? 0 : IV_NOTIFY_TRIGF_STEADY);
	iv_notify_source_unlock(&q->src);
}

static inline void nq_pop(struct nq *q, int k)
{
	iv_notify_source_lock(&q->src);
	q->n -= k;
	iv_notify_trigger_locked(&q->src, q->cap - q->n, IV_NOTIFY_OUTPUT);
	iv_notify_source_unlock(&q->src);
}

/* A memory delivery adding 1 to *word: counts deliveries without a loop. */
static inline struct iv_sigevent nq_mem_ev(unsigned int *word)
{
	struct iv_sigevent ev;

	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_MEMORY;
	ev.addr = word;
	ev.memop = IV_SIGEV_MEM_ADD;
	ev.value.sival_int = 1;
	return ev;
}

#endif
