/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_work: thread pools whose completion callbacks run in the owner's loop. */

/*
 * Protocol.
 *
 * 1. A pool belongs to the thread that created it (the owner).  Its
 *    private part holds a FIFO of queued items, a FIFO of finished items
 *    whose completion is due, and a stack of idle workers, all under one
 *    mutex.  Workers never touch an item's list member, or any pool
 *    field, without that mutex.
 * 2. The owner queues an item and kicks the most recently idle worker
 *    through the worker's own iv_event; if none is idle and fewer than
 *    max_threads workers exist, it starts one (an iv_thread child of the
 *    owner, so the owner's loop also waits for it to be joined).
 * 3. A worker takes items one at a time, runs work() without the lock,
 *    then moves the item to the finished list and posts the pool's event
 *    in the owner's loop, whose handler runs the completions in
 *    finishing order.  With nothing left to do the worker waits on the
 *    idle stack; after ten idle seconds it leaves.
 * 4. A worker posts the pool's event while holding the pool's mutex, and
 *    the owner frees the pool only after seeing, under the same mutex,
 *    that no worker is left.  So a post never reaches a freed pool.
 * 5. iv_work_pool_put() only marks the pool; the pool's event keeps the
 *    owner's loop alive until the last worker has left and the last
 *    completion has run, and then the pool frees itself.
 * 6. A worker may queue a continuation; it cannot start threads itself
 *    (they are the owner's children), so it asks the owner to start one
 *    by counting a request and posting the pool's event.
 * 7. If the owner's loop goes away (iv_deinit) while workers remain, the
 *    pool is orphaned: its event is unregistered, queued and unfinished
 *    items are abandoned, the workers leave and the last one frees the
 *    pool.
 */

#include <stdio.h>
#include <stdlib.h>
#include <iv_event.h>
#include <iv_thread.h>
#include <iv_work.h>
#include "iv_private.h"

/* Seconds an idle worker waits for work before it leaves. */
#define IDLE_SECONDS	10

struct work_pool {
	pthread_mutex_t		lock;
	struct iv_event		ev;		/* completions; owner's loop */
	struct iv_list_head	owned;		/* owner's pool list; owner */
	struct iv_state		*owner;
	void			*cookie;
	void			(*thread_start)(void *);
	void			(*thread_stop)(void *);

	/* Under lock. */
	struct iv_work_pool	*public;	/* NULL once put */
	int			max_threads;	/* copied at put */
	struct iv_list_head	queue;
	struct iv_list_head	done;
	struct iv_list_head	idle;		/* most recently idle first */
	int			started;	/* workers not yet gone */
	int			start_requests;	/* from continuations */
	int			shutting_down;
	int			orphaned;
};

struct work_thread {
	struct iv_list_head	list;		/* on pool->idle; under lock */
	struct work_pool	*pool;
	struct iv_event		kick;		/* its own loop */
	struct iv_timer		idle_timer;
};

/* Per-thread: local-mode items, owned pools, and the worker, if any. */
struct work_tls {
	struct iv_task		local;
	struct iv_list_head	local_items;
	struct iv_list_head	pools;
	struct work_thread	*self;
};

static struct iv_tls_user work_tls_user;

static struct work_tls *tls_get(const char *func)
{
	iv__state_for(func);
	return iv_tls_user_ptr(&work_tls_user);
}

static void pool_free(struct work_pool *pool)
{
	pthread_mutex_destroy(&pool->lock);
	free(pool);
}

/* With the lock held: kick the most recently idle worker, if any. */
static int wake_idle_locked(struct work_pool *pool)
{
	struct work_thread *thr;

	if (iv_list_empty(&pool->idle))
		return 0;

	thr = iv_list_entry(pool->idle.next, struct work_thread, list);
	iv_list_del_init(&thr->list);
	iv_event_post(&thr->kick);

	return 1;
}

/*
 * In the worker, with the lock held; releases it.  The worker must not
 * touch the pool afterwards: the owner may free it at once.
 */
static void worker_exit_locked(struct work_thread *thr)
{
	struct work_pool *pool = thr->pool;
	int free_pool;

	if (!iv_list_empty(&thr->list))
		iv_list_del_init(&thr->list);

	if (pool->thread_stop != NULL)
		pool->thread_stop(pool->cookie);

	pool->started--;
	free_pool = pool->orphaned && pool->started == 0;
	if (!pool->orphaned)
		iv_event_post(&pool->ev);
	pthread_mutex_unlock(&pool->lock);

	if (free_pool)
		pool_free(pool);

	if (iv_timer_registered(&thr->idle_timer))
		iv_timer_unregister(&thr->idle_timer);
	iv_event_unregister(&thr->kick);
}

/* In the worker: drain the queue, then go idle or leave. */
static void worker_run(void *_thr)
{
	struct work_thread *thr = _thr;
	struct work_pool *pool = thr->pool;

	if (iv_timer_registered(&thr->idle_timer))
		iv_timer_unregister(&thr->idle_timer);

	pthread_mutex_lock(&pool->lock);
	while (!pool->orphaned && !iv_list_empty(&pool->queue)) {
		struct iv_work_item *w;

		w = iv_list_entry(pool->queue.next, struct iv_work_item, list);
		iv_list_del(&w->list);
		pthread_mutex_unlock(&pool->lock);

		w->work(w->cookie);
		iv_invalidate_now();

		pthread_mutex_lock(&pool->lock);
		if (pool->orphaned)
			break;
		if (iv_list_empty(&pool->done))
			iv_event_post(&pool->ev);
		iv_list_add_tail(&w->list, &pool->done);
	}

	if (pool->orphaned || pool->shutting_down) {
		worker_exit_locked(thr);
		return;
	}

	iv_list_add(&thr->list, &pool->idle);
	pthread_mutex_unlock(&pool->lock);

	thr->idle_timer.expires = iv_now;
	thr->idle_timer.expires.tv_sec += IDLE_SECONDS;
	iv_timer_register(&thr->idle_timer);
}

/* In the worker: idle for too long, unless a kick is already on its way. */
static void worker_idle_timeout(void *_thr)
{
	struct work_thread *thr = _thr;
	struct work_pool *pool = thr->pool;

	pthread_mutex_lock(&pool->lock);
	if (iv_list_empty(&thr->list)) {
		pthread_mutex_unlock(&pool->lock);
		return;
	}
	worker_exit_locked(thr);
}

static void worker_main(void *_thr)
{
	struct work_thread *thr = _thr;
	struct work_pool *pool = thr->pool;
	struct work_tls *wt;

	iv_init();
	wt = iv_tls_user_ptr(&work_tls_user);
	wt->self = thr;

	IV_EVENT_INIT(&thr->kick);
	thr->kick.cookie = thr;
	thr->kick.handler = worker_run;
	if (iv_event_register(&thr->kick) < 0)
		iv_fatal("iv_work: worker thread could not register its "
			 "wake-up event");

	IV_TIMER_INIT(&thr->idle_timer);
	thr->idle_timer.cookie = thr;
	thr->idle_timer.handler = worker_idle_timeout;

	if (pool->thread_start != NULL)
		pool->thread_start(pool->cookie);

	worker_run(thr);
	iv_main();

	wt->self = NULL;
	iv_deinit();
	free(thr);
}

/*
 * In the owner, which has already counted the new worker in
 * pool->started; undoes that count if the thread cannot be started.
 */
static void start_worker(struct work_pool *pool)
{
	struct work_thread *thr;
	char name[64];

	thr = calloc(1, sizeof(*thr));
	if (thr != NULL) {
		INIT_IV_LIST_HEAD(&thr->list);
		thr->pool = pool;
		snprintf(name, sizeof(name), "iv_work pool %p thread %p",
			 (void *)pool, (void *)thr);
		if (iv_thread_create(name, worker_main, thr) == 0)
			return;
		free(thr);
	}

	pthread_mutex_lock(&pool->lock);
	pool->started--;
	pthread_mutex_unlock(&pool->lock);
}

/* In the owner: completions, worker starts asked for, final teardown. */
static void pool_event(void *_pool)
{
	struct work_pool *pool = _pool;
	struct iv_list_head batch;
	int requests;
	int drained;

	INIT_IV_LIST_HEAD(&batch);
	pthread_mutex_lock(&pool->lock);
	iv_list_splice_init(&pool->done, &batch);
	requests = pool->start_requests;
	pool->start_requests = 0;
	pthread_mutex_unlock(&pool->lock);

	while (!iv_list_empty(&batch)) {
		struct iv_work_item *w;

		w = iv_list_entry(batch.next, struct iv_work_item, list);
		iv_list_del(&w->list);
		w->completion(w->cookie);
	}

	while (requests-- > 0) {
		int limit;
		int start;

		pthread_mutex_lock(&pool->lock);
		limit = pool->public != NULL ? pool->public->max_threads :
					       pool->max_threads;
		start = iv_list_empty(&pool->idle) &&
			!iv_list_empty(&pool->queue) && pool->started < limit;
		if (start)
			pool->started++;
		pthread_mutex_unlock(&pool->lock);

		if (!start)
			break;
		start_worker(pool);
	}

	pthread_mutex_lock(&pool->lock);
	drained = pool->shutting_down && pool->started == 0 &&
		  iv_list_empty(&pool->queue) && iv_list_empty(&pool->done);
	pthread_mutex_unlock(&pool->lock);

	if (drained) {
		iv_event_unregister(&pool->ev);
		iv_list_del(&pool->owned);
		pool_free(pool);
	}
}

/* Local mode: each item's work and completion, back to back, in order. */
static void local_run(void *_wt)
{
	struct work_tls *wt = _wt;
	struct iv_list_head batch;

	INIT_IV_LIST_HEAD(&batch);
	iv_list_splice_init(&wt->local_items, &batch);

	while (!iv_list_empty(&batch)) {
		struct iv_work_item *w;

		w = iv_list_entry(batch.next, struct iv_work_item, list);
		iv_list_del(&w->list);
		w->work(w->cookie);
		w->completion(w->cookie);
	}
}

static void local_submit(struct iv_work_item *w, const char *func)
{
	struct work_tls *wt = tls_get(func);

	iv_list_add_tail(&w->list, &wt->local_items);
	if (!iv_task_registered(&wt->local))
		iv_task_register(&wt->local);
}

static void work_tls_init(void *_wt)
{
	struct work_tls *wt = _wt;

	IV_TASK_INIT(&wt->local);
	wt->local.cookie = wt;
	wt->local.handler = local_run;
	INIT_IV_LIST_HEAD(&wt->local_items);
	INIT_IV_LIST_HEAD(&wt->pools);
}

/* The owner's loop is going away: orphan the pools it still has. */
static void work_tls_deinit(void *_wt)
{
	struct work_tls *wt = _wt;

	while (!iv_list_empty(&wt->pools)) {
		struct work_pool *pool;
		int unused;

		pool = iv_list_entry(wt->pools.next, struct work_pool, owned);
		iv_list_del(&pool->owned);

		pthread_mutex_lock(&pool->lock);
		pool->orphaned = 1;
		iv_event_unregister(&pool->ev);
		while (wake_idle_locked(pool))
			;
		unused = pool->started == 0;
		pthread_mutex_unlock(&pool->lock);

		if (unused)
			pool_free(pool);
	}
}

static struct iv_tls_user work_tls_user = {
	.sizeof_state	= sizeof(struct work_tls),
	.init_thread	= work_tls_init,
	.deinit_thread	= work_tls_deinit,
};

__attribute__((constructor)) static void work_tls_register(void)
{
	iv_tls_user_register(&work_tls_user);
}

IV_EXPORT int iv_work_pool_create(struct iv_work_pool *this)
{
	struct work_tls *wt = tls_get(__func__);
	struct work_pool *pool;

	pool = calloc(1, sizeof(*pool));
	if (pool == NULL)
		return -1;

	if (pthread_mutex_init(&pool->lock, NULL)) {
		free(pool);
		return -1;
	}

	IV_EVENT_INIT(&pool->ev);
	pool->ev.cookie = pool;
	pool->ev.handler = pool_event;
	if (iv_event_register(&pool->ev) < 0) {
		pool_free(pool);
		return -1;
	}

	pool->owner = iv__get_state();
	pool->cookie = this->cookie;
	pool->thread_start = this->thread_start;
	pool->thread_stop = this->thread_stop;
	pool->public = this;
	INIT_IV_LIST_HEAD(&pool->queue);
	INIT_IV_LIST_HEAD(&pool->done);
	INIT_IV_LIST_HEAD(&pool->idle);
	iv_list_add_tail(&pool->owned, &wt->pools);

	__atomic_store_n(&this->priv, pool, __ATOMIC_RELEASE);

	return 0;
}

IV_EXPORT void iv_work_pool_put(struct iv_work_pool *this)
{
	struct work_pool *pool;

	pool = __atomic_exchange_n(&this->priv, NULL, __ATOMIC_ACQ_REL);
	if (pool == NULL)
		iv_fatal("%s: called with a pool that was put or never "
			 "created", __func__);

	pthread_mutex_lock(&pool->lock);
	pool->max_threads = this->max_threads;
	pool->public = NULL;
	pool->shutting_down = 1;
	while (wake_idle_locked(pool))
		;
	pthread_mutex_unlock(&pool->lock);

	/* The handler frees the pool if nothing is left to wait for. */
	iv_event_post(&pool->ev);
}

IV_EXPORT void iv_work_pool_submit_work(struct iv_work_pool *this,
				       struct iv_work_item *work)
{
	struct work_pool *pool;
	int start;

	if (this == NULL) {
		local_submit(work, __func__);
		return;
	}

	pool = __atomic_load_n(&this->priv, __ATOMIC_ACQUIRE);
	if (pool == NULL)
		iv_fatal("%s: called with a pool that was put or never "
			 "created", __func__);
	if (iv__get_state() != pool->owner)
		iv_fatal("iv_work_submit_pool: work items can only be "
			 "submitted from the owning thread");

	pthread_mutex_lock(&pool->lock);
	iv_list_add_tail(&work->list, &pool->queue);
	start = 0;
	if (!wake_idle_locked(pool) && pool->started < this->max_threads) {
		pool->started++;
		start = 1;
	}
	pthread_mutex_unlock(&pool->lock);

	if (start)
		start_worker(pool);
}

IV_EXPORT void iv_work_pool_submit_continuation(struct iv_work_pool *this,
					       struct iv_work_item *work)
{
	struct work_pool *pool;
	struct work_tls *wt;

	if (this == NULL) {
		local_submit(work, __func__);
		return;
	}

	/*
	 * A worker knows its pool even after the owner has put it (and
	 * cleared priv, perhaps concurrently).
	 */
	pool = __atomic_load_n(&this->priv, __ATOMIC_ACQUIRE);
	wt = iv_tls_user_ptr(&work_tls_user);
	if (wt != NULL && wt->self != NULL &&
	    (pool == NULL || pool == wt->self->pool))
		pool = wt->self->pool;
	if (pool == NULL)
		iv_fatal("%s: called with a pool that was put or never "
			 "created", __func__);

	if (pool->owner == iv__get_state() && pool->public != NULL) {
		iv_work_pool_submit_work(this, work);
		return;
	}

	pthread_mutex_lock(&pool->lock);
	if (!pool->orphaned) {
		iv_list_add_tail(&work->list, &pool->queue);
		if (!wake_idle_locked(pool)) {
			pool->start_requests++;
			iv_event_post(&pool->ev);
		}
	}
	pthread_mutex_unlock(&pool->lock);
}
