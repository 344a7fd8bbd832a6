/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scenario 46: an mqueue-like manager written with the QNX spellings. */

#include <limits.h>
#include <pthread.h>
#include <string.h>
#include "check.h"
#include <iv_notify_qnx.h>

/* The resource: a message counter with a capacity, guarded by its lock. */
struct mq {
	pthread_mutex_t		lock;
	iofunc_notify_t		notify;
	int			count;
	int			max;
	int			thresh[_NOTIFY_MAXCOND];
};

static int mq_io_notify(void *cookie, io_notify_t *msg)
{
	struct mq *q = cookie;
	resmgr_context_t *ctp = msg->conn;
	int armed = _NOTIFY_MAXCOND;
	int trig = _NOTIFY_COND_EXTEN;
	int ret;

	pthread_mutex_lock(&q->lock);
	if (q->count > 0 && q->count >= q->thresh[IOFUNC_NOTIFY_INPUT])
		trig |= _NOTIFY_COND_INPUT;
	if (q->max - q->count >= q->thresh[IOFUNC_NOTIFY_OUTPUT])
		trig |= _NOTIFY_COND_OUTPUT;
	ret = iofunc_notify(ctp, msg, &q->notify, trig, q->thresh, &armed);
	pthread_mutex_unlock(&q->lock);
	return ret;
}

static void mq_close_dup(void *cookie, resmgr_context_t *ctp)
{
	struct mq *q = cookie;

	pthread_mutex_lock(&q->lock);
	iofunc_notify_trigger_strict(ctp, &q->notify, INT_MAX,
				     IOFUNC_NOTIFY_INPUT);
	iofunc_notify_trigger_strict(ctp, &q->notify, INT_MAX,
				     IOFUNC_NOTIFY_OUTPUT);
	iofunc_notify_trigger_strict(ctp, &q->notify, INT_MAX,
				     IOFUNC_NOTIFY_OBAND);
	iofunc_notify_remove(ctp, &q->notify);
	pthread_mutex_unlock(&q->lock);
}

static const struct iv_notify_source_ops mq_ops = {
	.notify = mq_io_notify,
	.conn_closed = mq_close_dup,
};

/* io_write: the input trigger is gated by the check with the transition. */
static void mq_send(struct mq *q)
{
	pthread_mutex_lock(&q->lock);
	q->count++;
	if (IOFUNC_NOTIFY_INPUT_CHECK(&q->notify, q->count, q->count == 1))
		iofunc_notify_trigger(&q->notify, q->count,
				      IOFUNC_NOTIFY_INPUT);
	pthread_mutex_unlock(&q->lock);
}

/* io_read: frees a slot, which may satisfy an output arm. */
static void mq_receive(struct mq *q)
{
	pthread_mutex_lock(&q->lock);
	q->count--;
	if (IOFUNC_NOTIFY_OUTPUT_CHECK(&q->notify, q->max - q->count))
		iofunc_notify_trigger(&q->notify, q->max - q->count,
				      IOFUNC_NOTIFY_OUTPUT);
	pthread_mutex_unlock(&q->lock);
}

static struct iv_sigevent mem_ev(unsigned int *word)
{
	struct iv_sigevent ev;

	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_MEMORY;
	ev.addr = word;
	ev.memop = IV_SIGEV_MEM_ADD;
	ev.value.sival_int = 1;
	return ev;
}

int main(void)
{
	struct iv_notify_conn a, b;
	unsigned int wa = 0, wb = 0;
	struct iv_sigevent ea, eb;
	struct iv_notify_pollfd pfd;
	struct timespec zero = { 0, 0 };
	struct mq q;
	int i;

	TEST_BEGIN(10);
	memset(&q, 0, sizeof(q));
	pthread_mutex_init(&q.lock, NULL);
	q.max = 4;
	for (i = 0; i < _NOTIFY_MAXCOND; i++)
		q.thresh[i] = 1;
	CHECK_EQ_INT(iv_notify_source_init(&q.notify, _NOTIFY_MAXCOND,
					   &mq_ops, &q), 0);
	CHECK_EQ_INT(iv_notify_open(&a, &q.notify), 0);
	CHECK_EQ_INT(iv_notify_open(&b, &q.notify), 0);
	ea = mem_ev(&wa);
	eb = mem_ev(&wb);

	/* 1, 2: POLL arms nothing and echoes the request's vocabulary. */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLL, _NOTIFY_COND_INPUT,
			      &ea), 0);
	mq_send(&q);
	CHECK_EQ_INT(wa, 0);
	CHECK_EQ_INT((unsigned)ionotify(&a, _NOTIFY_ACTION_POLL,
					_NOTIFY_COND_INPUT, NULL),
		     _NOTIFY_COND_INPUT);
	CHECK_EQ_INT((unsigned)ionotify(&a, _NOTIFY_ACTION_POLL,
			(int)(_NOTIFY_COND_EXTEN | _NOTIFY_CONDE_RDNORM), NULL),
		     _NOTIFY_COND_EXTEN | _NOTIFY_CONDE_RDNORM);
	mq_receive(&q);

	/* 3: POLLARM is one-shot. */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	mq_send(&q);
	CHECK_EQ_INT(wa, 1);
	mq_send(&q);
	CHECK_EQ_INT(wa, 1);
	mq_receive(&q);
	mq_receive(&q);

	/* 4: all-or-nothing cancels the earlier INPUT arm. */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	CHECK_EQ_INT((unsigned)ionotify(&a, _NOTIFY_ACTION_POLLARM,
			(int)(_NOTIFY_COND_INPUT | _NOTIFY_COND_OUTPUT), &ea),
		     _NOTIFY_COND_OUTPUT);
	mq_send(&q);
	CHECK_EQ_INT(wa, 1);
	mq_receive(&q);

	/* 5: CONDARM. */
	CHECK_ERRNO(ionotify(&a, _NOTIFY_ACTION_CONDARM, _NOTIFY_COND_INPUT,
			     &ea), EAGAIN);
	mq_send(&q);
	CHECK_EQ_INT(wa, 2);
	CHECK_EQ_INT((unsigned)ionotify(&a, _NOTIFY_ACTION_CONDARM,
					_NOTIFY_COND_INPUT, &ea),
		     _NOTIFY_COND_INPUT);
	mq_send(&q);
	CHECK_EQ_INT(wa, 2);

	/* 6: TRANARM on a non-empty queue waits for a refill. */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_TRANARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	mq_send(&q);
	CHECK_EQ_INT(wa, 2);
	mq_receive(&q);
	mq_receive(&q);
	mq_receive(&q);
	mq_send(&q);
	CHECK_EQ_INT(wa, 3);
	mq_receive(&q);

	/* 7: one input transition arm at a time (mq_notify). */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_TRANARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	CHECK_ERRNO(ionotify(&b, _NOTIFY_ACTION_TRANARM, _NOTIFY_COND_INPUT,
			     &eb), EBUSY);
	CHECK_ERRNO(ionotify(&b, _NOTIFY_ACTION_TRANARM, _NOTIFY_COND_INPUT,
			     NULL), EBUSY);
	CHECK_ERRNO(ionotify(&a, _NOTIFY_ACTION_TRANARM, _NOTIFY_COND_INPUT,
			     &ea), EBUSY);
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_TRANARM, _NOTIFY_COND_INPUT,
			      NULL), 0);
	mq_send(&q);
	CHECK_EQ_INT(wa, 3);
	mq_receive(&q);
	CHECK_EQ_INT(ionotify(&b, _NOTIFY_ACTION_TRANARM, _NOTIFY_COND_INPUT,
			      &eb), 0);
	mq_send(&q);
	CHECK_EQ_INT(wb, 1);
	mq_receive(&q);

	/* 9: a NULL event disarms. */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      NULL), 0);
	mq_send(&q);
	CHECK_EQ_INT(wa, 3);
	mq_receive(&q);

	/* 10: thresholds from the manager; the check macros agree. */
	q.thresh[IOFUNC_NOTIFY_INPUT] = 3;
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	CHECK_EQ_INT(IOFUNC_NOTIFY_INPUT_CHECK(&q.notify, 2, 1), 0);
	CHECK_EQ_INT(IOFUNC_NOTIFY_INPUT_CHECK(&q.notify, 3, 0), 1);
	mq_send(&q);
	mq_send(&q);
	CHECK_EQ_INT(wa, 3);
	mq_send(&q);
	CHECK_EQ_INT(wa, 4);
	mq_receive(&q);
	mq_receive(&q);
	mq_receive(&q);
	q.thresh[IOFUNC_NOTIFY_INPUT] = 1;

	/* 14: two lists give two deliveries; GROUP gives one. */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM,
			      (int)(_NOTIFY_COND_INPUT | _NOTIFY_COND_OBAND),
			      &ea), 0);
	mq_send(&q);
	iofunc_notify_trigger(&q.notify, 1, IOFUNC_NOTIFY_OBAND);
	CHECK_EQ_INT(wa, 6);
	mq_receive(&q);
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM | IV_NOTIFY_ACTF_GROUP,
			      (int)(_NOTIFY_COND_INPUT | _NOTIFY_COND_OBAND),
			      &ea), 0);
	mq_send(&q);
	iofunc_notify_trigger(&q.notify, 1, IOFUNC_NOTIFY_OBAND);
	CHECK_EQ_INT(wa, 7);
	mq_receive(&q);

	/* 15: the strict trigger reaches one conn only. */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	CHECK_EQ_INT(ionotify(&b, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &eb), 0);
	iofunc_notify_trigger_strict(&a, &q.notify, 1, IOFUNC_NOTIFY_INPUT);
	CHECK_EQ_INT(wa, 8);
	CHECK_EQ_INT(wb, 1);
	CHECK_EQ_INT(IOFUNC_NOTIFY_INPUT_CHECK(&q.notify, 1, 0), 1);
	mq_send(&q);
	CHECK_EQ_INT(wa, 8);
	CHECK_EQ_INT(wb, 2);
	mq_receive(&q);

	/* 16: remove covers lists 0..2, remove_strict up to its limit. */
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM,
			      (int)(_NOTIFY_COND_EXTEN | _NOTIFY_CONDE_HUP),
			      &ea), 0);
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	iofunc_notify_remove(&a, &q.notify);
	mq_send(&q);
	CHECK_EQ_INT(wa, 8);
	mq_receive(&q);
	iofunc_notify_trigger(&q.notify, INT_MAX, IOFUNC_NOTIFY_HUP);
	CHECK_EQ_INT(wa, 9);
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM,
			      (int)(_NOTIFY_COND_EXTEN | _NOTIFY_CONDE_HUP),
			      &ea), 0);
	iofunc_notify_remove_strict(&a, &q.notify, 7);
	iofunc_notify_trigger(&q.notify, INT_MAX, IOFUNC_NOTIFY_HUP);
	CHECK_EQ_INT(wa, 9);
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	CHECK_EQ_INT(ionotify(&b, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &eb), 0);
	iofunc_notify_remove(NULL, &q.notify);
	CHECK_EQ_INT(wa, 9);
	CHECK_EQ_INT(wb, 2);
	mq_send(&q);
	CHECK_EQ_INT(wa, 9);
	CHECK_EQ_INT(wb, 2);
	mq_receive(&q);

	/* 17: closing a conn runs the manager's close handler (HUP). */
	CHECK_EQ_INT(ionotify(&b, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &eb), 0);
	CHECK_EQ_INT(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			      &ea), 0);
	CHECK_EQ_INT(iv_notify_close(&b), 0);
	CHECK_EQ_INT(wb, 3);
	CHECK_EQ_INT(wa, 9);

	/* 18: destroy delivers the final condition and then refuses. */
	iv_notify_source_destroy(&q.notify, _NOTIFY_CONDE_HUP);
	CHECK_EQ_INT(wa, 10);
	CHECK_ERRNO(ionotify(&a, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT,
			     &ea), EBADF);
	pfd.conn = &a;
	pfd.events = POLLIN;
	pfd.revents = 0;
	CHECK_EQ_INT(iv_notify_poll(&pfd, 1, &zero), 1);
	CHECK(pfd.revents & POLLNVAL);
	CHECK_EQ_INT(iv_notify_close(&a), 0);
	pthread_mutex_destroy(&q.lock);
	return 0;
}
