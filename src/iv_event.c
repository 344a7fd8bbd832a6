/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_event: events posted from any thread, run in the owner's loop. */

/*
 * Protocol.
 *
 * 1. Each thread with registered events has one struct iv_event_state:
 *    a pending list under a mutex, and one wake-up channel, an internal
 *    iv_event_raw (one eventfd), shared by all its events.  A same-thread
 *    post wakes the loop with an internal task instead, which costs no
 *    system call.
 * 2. An event's owner field points at that state; its bit 0 is the
 *    "pending" flag.  A post sets the flag with one atomic fetch-or: if
 *    it was already set, the post is absorbed without taking any lock
 *    (posts coalesce).  The atomic read-modify-write orders the poster's
 *    earlier writes before the flag, and the owner clears the flag with
 *    another one before it calls the handler, so a handler call always
 *    follows the last post and sees what that post published.
 * 3. Only the poster that makes the pending list non-empty wakes the
 *    owner: at most one write(2) per batch, none while the owner is
 *    already due to run the batch.
 * 4. The owner detaches the whole list, then runs it in posting order.
 *    An event unregistered by an earlier handler of the batch is taken
 *    off the batch (under the mutex, since it may still be on the shared
 *    list), so its handler does not run and its memory may be freed.
 */

#include <stdlib.h>
#include <iv_event.h>
#include <iv_event_raw.h>
#include "iv_private.h"

struct iv_event_state {
	pthread_mutex_t		lock;
	struct iv_list_head	pending;	/* under lock */
	struct iv_list_head	*batch;		/* being run, owner only */
	struct iv_state		*st;
	struct iv_event_raw	wake;
	struct iv_task		task;
	int			numevents;
};

#define PENDING		((uintptr_t)1)

static inline struct iv_event_state *owner_of(uintptr_t owner)
{
	return (struct iv_event_state *)(owner & ~PENDING);
}

static void state_put(struct iv_state *st, struct iv_event_state *es);

static void run_pending(void *_es)
{
	struct iv_event_state *es = _es;
	struct iv_list_head batch;

	INIT_IV_LIST_HEAD(&batch);
	pthread_mutex_lock(&es->lock);
	iv_list_splice_init(&es->pending, &batch);
	es->batch = &batch;
	pthread_mutex_unlock(&es->lock);

	while (!iv_list_empty(&batch)) {
		struct iv_event *ev;

		pthread_mutex_lock(&es->lock);
		if (iv_list_empty(&batch)) {
			pthread_mutex_unlock(&es->lock);
			break;
		}
		ev = iv_list_entry(batch.next, struct iv_event, list);
		iv_list_del_init(&ev->list);
		pthread_mutex_unlock(&es->lock);

		__atomic_fetch_and((uintptr_t *)&ev->owner, ~PENDING,
				   __ATOMIC_ACQ_REL);
		ev->handler(ev->cookie);
	}

	es->batch = NULL;
	if (es->numevents == 0)
		state_put(es->st, es);
}

static struct iv_event_state *state_get(struct iv_state *st)
{
	struct iv_event_state *es = st->ev;

	if (es != NULL)
		return es;

	es = calloc(1, sizeof(*es));
	if (es == NULL)
		return NULL;

	IV_EVENT_RAW_INIT(&es->wake);
	es->wake.cookie = es;
	es->wake.handler = run_pending;
	if (iv_event_raw_register(&es->wake) < 0) {
		free(es);
		return NULL;
	}

	pthread_mutex_init(&es->lock, NULL);
	INIT_IV_LIST_HEAD(&es->pending);
	es->st = st;
	IV_TASK_INIT(&es->task);
	es->task.cookie = es;
	es->task.handler = run_pending;
	st->ev = es;

	return es;
}

static void state_put(struct iv_state *st, struct iv_event_state *es)
{
	if (iv_task_registered(&es->task))
		iv_task_unregister(&es->task);
	iv_event_raw_unregister(&es->wake);
	pthread_mutex_destroy(&es->lock);
	free(es);
	st->ev = NULL;
}

/* At iv_deinit(): the loop goes, and with it the wake-up channel. */
void iv__event_deinit(struct iv_state *st)
{
	struct iv_event_state *es = st->ev;

	if (es == NULL)
		return;
	close(es->wake.event_rfd.fd);
	if (es->wake.event_wfd != es->wake.event_rfd.fd)
		close(es->wake.event_wfd);
	pthread_mutex_destroy(&es->lock);
	free(es);
	st->ev = NULL;
}

IV_EXPORT int iv_event_register(struct iv_event *this)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_event_state *es;

	es = state_get(st);
	if (es == NULL)
		return -1;

	es->numevents++;
	st->numobjs++;
	__atomic_store_n(&this->owner, es, __ATOMIC_RELEASE);
	INIT_IV_LIST_HEAD(&this->list);

	return 0;
}

IV_EXPORT void iv_event_unregister(struct iv_event *this)
{
	struct iv_state *st = iv__state_for(__func__);
	uintptr_t owner = __atomic_load_n((uintptr_t *)&this->owner,
					  __ATOMIC_ACQUIRE);
	struct iv_event_state *es = owner_of(owner);

	if (es == NULL || es != st->ev)
		iv_fatal("%s: called with event not registered in this thread",
			 __func__);

	if (owner & PENDING) {
		pthread_mutex_lock(&es->lock);
		if (!iv_list_empty(&this->list))
			iv_list_del_init(&this->list);
		pthread_mutex_unlock(&es->lock);
	}
	__atomic_store_n(&this->owner, NULL, __ATOMIC_RELAXED);

	st->numobjs--;
	if (--es->numevents == 0 && es->batch == NULL)
		state_put(st, es);
}

IV_EXPORT void iv_event_post(struct iv_event *this)
{
	uintptr_t owner;
	struct iv_event_state *es;
	int was_empty;

	owner = __atomic_fetch_or((uintptr_t *)&this->owner, PENDING,
				  __ATOMIC_ACQ_REL);
	if (owner & PENDING)
		return;
	es = owner_of(owner);

	pthread_mutex_lock(&es->lock);
	was_empty = iv_list_empty(&es->pending);
	iv_list_add_tail(&this->list, &es->pending);
	pthread_mutex_unlock(&es->lock);

	if (!was_empty)
		return;

	if (iv__get_state() == es->st) {
		if (!iv_task_registered(&es->task))
			iv_task_register(&es->task);
	} else {
		iv_event_raw_post(&es->wake);
	}
}
