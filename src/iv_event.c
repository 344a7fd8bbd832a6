/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_event: events posted from any thread, run in the owner's loop. */

/*
 * Protocol.
 *
 * 1. Each thread with registered events has one struct iv_event_state:
 *    a pending list under a spinlock (held for a few instructions), and
 *    one wake-up descriptor (an eventfd; a pipe where there is none)
 *    shared by all its events.  A same-thread post wakes the loop with an
 *    internal task instead, which costs no system call.  Under epoll the
 *    eventfd is kept readable and never read (oneshot_wake() below), so a
 *    cross-thread wake-up costs the poster one epoll_ctl(2) and the owner
 *    nothing beyond the epoll_wait() it was in anyway.
 * 2. An event's owner field points at that state; its bit 0 is the
 *    "pending" flag.  A post sets the flag with one atomic fetch-or: if
 *    it was already set, the post is absorbed without taking any lock
 *    (posts coalesce).  The atomic read-modify-write orders the poster's
 *    earlier writes before the flag, and the owner clears the flag with
 *    another one before it calls the handler, so a handler call always
 *    follows the last post and sees what that post published.
 * 3. Only the poster that makes the pending list non-empty wakes the
 *    owner: at most one write(2) per batch, none while the owner is
 *    already due to run the batch.  It counts itself in es->writers
 *    while still holding the lock and writes after releasing it (the
 *    woken owner must not find the lock taken); the owner waits for
 *    that count to drop before it closes the descriptor.
 * 4. The owner detaches the whole list under the lock and runs it in
 *    posting order without the lock: an event on the detached batch has
 *    its flag set, so posters leave its list links alone.  Unregistering
 *    (owner thread only) takes the event off whichever list holds it, so
 *    an event unregistered by an earlier handler of the batch does not
 *    run and its memory may be freed.
 */

#include <stdlib.h>
#include <string.h>
#include <iv_event.h>
#include "iv_private.h"
#include "backend/iv_epoll_rearm.h"

static inline struct iv_event_state *owner_of(uintptr_t owner)
{
	return (struct iv_event_state *)(owner & ~IV_EVENT_PENDING);
}

void iv__event_drain(struct iv_event_state *es)
{
	char buf[64];

	while (read(es->wake.fd, buf, sizeof(buf)) == sizeof(buf))
		;
}

static void got_task(void *_es)
{
	iv__event_run_pending(_es);
}

/* The wake fd's handler; epoll's loop runs iv__event_wake() in place of
 * calling it. */
void iv__event_got_wake(void *_es)
{
	iv__event_wake(_es);
}

/*
 * Where the poll method can re-arm an fd from another thread (epoll), the
 * eventfd is made readable for ever and registered disarmed: a post is
 * then one iv__epoll_rearm() (EPOLL_CTL_MOD), and nothing is ever read
 * or written.  The registration is applied at once, before any poster can
 * try to re-arm it.  Otherwise es->epfd stays -1: posts write the
 * descriptor and the owner reads it (iv__event_wake()).
 */
static void oneshot_wake(struct iv_state *st, struct iv_event_state *es)
{
	struct iv_fd_ *wake = (struct iv_fd_ *)&es->wake;
	uint64_t one = 1;

	if (iv__method->wake_epfd == NULL || es->wake.fd != es->wfd)
		return;
	if (write(es->wfd, &one, sizeof(one)) != sizeof(one))
		return;
	wake->edge = IV_FD_ONESHOT;
	if (iv__method->notify_fd_sync(st, wake) < 0) {
		wake->edge = 0;
		return;
	}
	es->epfd = iv__method->wake_epfd(st);
}

static struct iv_event_state *state_get(struct iv_state *st)
{
	struct iv_event_state *es = st->ev;
	int rfd;
	int wfd;

	if (es != NULL)
		return es;

	es = calloc(1, sizeof(*es));
	if (es == NULL)
		return NULL;
	if (iv__event_fds_open(&rfd, &wfd) < 0) {
		free(es);
		return NULL;
	}

	INIT_IV_LIST_HEAD(&es->pending);
	es->st = st;
	es->wfd = wfd;
	es->epfd = -1;

	IV_FD_INIT(&es->wake);
	es->wake.fd = rfd;
	es->wake.cookie = es;
	es->wake.handler_in = iv__event_got_wake;
	iv_fd_register(&es->wake);
	oneshot_wake(st, es);

	IV_TASK_INIT(&es->task);
	es->task.cookie = es;
	es->task.handler = got_task;
	st->ev = es;

	return es;
}

static void close_fds(struct iv_event_state *es)
{
	close(es->wake.fd);
	if (es->wfd != es->wake.fd)
		close(es->wfd);
}

/* A poster of the last batch may still be inside its wake-up write:
 * wait until it is out before closing the descriptor. */
static void wait_writers(struct iv_event_state *es)
{
	while (__atomic_load_n(&es->writers, __ATOMIC_ACQUIRE))
		sched_yield();
}

/* The thread's last event is gone (unregistered, or its batch ended). */
void iv__event_state_put(struct iv_event_state *es)
{
	struct iv_state *st = es->st;

	wait_writers(es);

	if (iv_task_registered(&es->task))
		iv_task_unregister(&es->task);
	iv_fd_unregister(&es->wake);
	close_fds(es);
	free(es);
	st->ev = NULL;
}

/* At iv_deinit(): the loop goes, and with it the wake-up channel. */
void iv__event_deinit(struct iv_state *st)
{
	struct iv_event_state *es = st->ev;

	if (es == NULL)
		return;
	wait_writers(es);
	close_fds(es);
	free(es);
	st->ev = NULL;
}

IV_EXPORT int iv_event_register(struct iv_event *self)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_event_state *es;

	es = state_get(st);
	if (es == NULL)
		return -1;

	es->numevents++;
	st->numobjs++;
	INIT_IV_LIST_HEAD(&self->list);
	__atomic_store_n(&self->owner, es, __ATOMIC_RELEASE);

	return 0;
}

IV_EXPORT void iv_event_unregister(struct iv_event *self)
{
	struct iv_state *st = iv__state_for(__func__);
	uintptr_t owner = __atomic_load_n((uintptr_t *)&self->owner,
					  __ATOMIC_ACQUIRE);
	struct iv_event_state *es = owner_of(owner);

	if (es == NULL || es != st->ev)
		iv_fatal("%s: called with event not registered in this thread",
			 __func__);

	if (owner & IV_EVENT_PENDING) {
		iv__spin_lock(&es->lock);
		if (!iv_list_empty(&self->list))
			iv_list_del_init(&self->list);
		iv__spin_unlock(&es->lock);
	}
	__atomic_store_n(&self->owner, NULL, __ATOMIC_RELAXED);

	st->numobjs--;
	if (--es->numevents == 0 && !es->running)
		iv__event_state_put(es);
}

static inline void rearm(struct iv_event_state *es)
{
	int err = iv__epoll_rearm(es->epfd, es->wake.fd, &es->wake);

	if (err < 0)
		iv_fatal("iv_event_post: epoll_ctl got error %d[%s]", -err,
			 strerror(-err));
}

IV_EXPORT void iv_event_post(struct iv_event *self)
{
	uintptr_t owner;
	struct iv_event_state *es;
	int was_empty;

#ifndef IV_EVENT_CHECKED_POST
	/*
	 * Already pending: nothing to do, and no need to own the cache
	 * line.  The fence pairs with the one after the owner clears the
	 * bit: either we see the bit cleared (and post below), or the
	 * owner's handler call, which starts after its fence, sees
	 * everything we wrote before ours.
	 */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n((uintptr_t *)&self->owner, __ATOMIC_RELAXED) &
	    IV_EVENT_PENDING)
		return;
#endif
	owner = __atomic_fetch_or((uintptr_t *)&self->owner, IV_EVENT_PENDING,
				  __ATOMIC_ACQ_REL);
	if (owner & IV_EVENT_PENDING)
		return;
	es = owner_of(owner);

	iv__spin_lock(&es->lock);
	was_empty = iv_list_empty(&es->pending);
	iv_list_add_tail(&self->list, &es->pending);
	if (was_empty && iv__get_state() != es->st) {
		/* Once the lock is free the owner may run the batch,
		 * unregister every event and close the descriptor: announce
		 * the write first, so that it waits for us. */
		__atomic_add_fetch(&es->writers, 1, __ATOMIC_RELAXED);
		iv__spin_unlock(&es->lock);
		if (es->epfd >= 0)
			rearm(es);
		else
			iv__event_fds_post(es->wake.fd, es->wfd);
		__atomic_sub_fetch(&es->writers, 1, __ATOMIC_RELEASE);
		return;
	}
	iv__spin_unlock(&es->lock);

	/* A same-thread post: es cannot go away under us. */
	if (was_empty && !iv_task_registered(&es->task))
		iv_task_register(&es->task);
}
