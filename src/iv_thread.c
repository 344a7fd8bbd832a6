/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_thread: child threads whose end is reported to the creator's loop. */

/*
 * Protocol.
 *
 * 1. Every child has one record, shared by the parent and the child and
 *    freed by whichever of the two lets go of it last (refs, under
 *    rec_lock).
 * 2. The child stores the record in a pthread key.  The key's destructor
 *    runs however the thread ends (return, pthread_exit, cancellation)
 *    and posts the record's "dead" event, which belongs to the parent's
 *    loop and keeps that loop alive until the child has been joined.
 * 3. The parent's handler for "dead" joins the thread and releases the
 *    record.
 * 4. A parent that calls iv_deinit() (or exits) while children still run
 *    marks their records orphaned and detaches the threads.  The flag is
 *    set and tested under rec_lock, and the child posts while holding it,
 *    so a post either completes before the parent's loop goes away or
 *    does not happen at all.  ivykis 0.42 posts into the freed loop here.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iv_event.h>
#include <iv_thread.h>
#include "iv_private.h"

struct iv_thread {
	struct iv_list_head	list;		/* parent's children; parent */
	struct iv_event		dead;		/* parent's loop */
	pthread_t		thread;
	char			*name;
	void			(*start_routine)(void *);
	void			*arg;
	unsigned long		tid;		/* atomic; 0 until started */
	int			refs;		/* under rec_lock */
	int			orphaned;	/* under rec_lock */
};

/* Per-thread: the children this thread created and has not joined. */
struct thread_tls {
	struct iv_list_head	children;
};

static pthread_mutex_t rec_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t rec_key;
static pthread_once_t rec_key_once = PTHREAD_ONCE_INIT;
static int rec_key_ok;
static int debug_state;

static int debugging(void)
{
	return __atomic_load_n(&debug_state, __ATOMIC_RELAXED);
}

/* Drops one reference; the last one frees the record. */
static void rec_put(struct iv_thread *t)
{
	int last;

	pthread_mutex_lock(&rec_lock);
	last = --t->refs == 0;
	pthread_mutex_unlock(&rec_lock);

	if (last) {
		free(t->name);
		free(t);
	}
}

/* Runs in the child as it ends, whichever way it ends. */
static void rec_key_destructor(void *data)
{
	struct iv_thread *t = data;

	if (debugging())
		fprintf(stderr, "iv_thread: [%s] terminating\n", t->name);

	pthread_mutex_lock(&rec_lock);
	if (!t->orphaned)
		iv_event_post(&t->dead);
	pthread_mutex_unlock(&rec_lock);

	rec_put(t);
}

static void rec_key_create(void)
{
	rec_key_ok = !pthread_key_create(&rec_key, rec_key_destructor);
}

static void *child_main(void *_t)
{
	struct iv_thread *t = _t;

	__atomic_store_n(&t->tid, iv_get_thread_id(), __ATOMIC_RELAXED);
	pthread_setspecific(rec_key, t);
	t->start_routine(t->arg);

	return NULL;
}

/* In the parent: the child has ended, or is about to. */
static void child_dead(void *_t)
{
	struct iv_thread *t = _t;

	pthread_join(t->thread, NULL);
	if (debugging())
		fprintf(stderr, "iv_thread: [%s] joined\n", t->name);

	iv_list_del(&t->list);
	iv_event_unregister(&t->dead);
	rec_put(t);
}

static void thread_tls_init(void *_tt)
{
	struct thread_tls *tt = _tt;

	pthread_once(&rec_key_once, rec_key_create);
	if (!rec_key_ok)
		iv_fatal("iv_thread_tls_init_thread: failed to allocate "
			 "TLS key");

	INIT_IV_LIST_HEAD(&tt->children);
}

/* The parent's loop is going away: let the children run on alone. */
static void thread_tls_deinit(void *_tt)
{
	struct thread_tls *tt = _tt;

	while (!iv_list_empty(&tt->children)) {
		struct iv_thread *t;

		t = iv_list_entry(tt->children.next, struct iv_thread, list);
		iv_list_del(&t->list);

		pthread_mutex_lock(&rec_lock);
		t->orphaned = 1;
		pthread_mutex_unlock(&rec_lock);

		iv_event_unregister(&t->dead);
		pthread_detach(t->thread);
		rec_put(t);
	}
}

static struct iv_tls_user thread_tls_user = {
	.sizeof_state	= sizeof(struct thread_tls),
	.init_thread	= thread_tls_init,
	.deinit_thread	= thread_tls_deinit,
};

__attribute__((constructor)) static void thread_tls_register(void)
{
	iv_tls_user_register(&thread_tls_user);
}

IV_EXPORT int iv_thread_create(const char *name,
			       void (*start_routine)(void *), void *arg)
{
	struct thread_tls *tt;
	struct iv_thread *t;
	int ret;

	iv__state_for(__func__);
	tt = iv_tls_user_ptr(&thread_tls_user);

	t = calloc(1, sizeof(*t));
	if (t == NULL)
		return -1;
	t->name = strdup(name);
	if (t->name == NULL)
		goto err_free;
	t->start_routine = start_routine;
	t->arg = arg;
	t->refs = 2;

	IV_EVENT_INIT(&t->dead);
	t->dead.cookie = t;
	t->dead.handler = child_dead;
	if (iv_event_register(&t->dead) < 0)
		goto err_free;

	ret = pthread_create(&t->thread, NULL, child_main, t);
	if (ret) {
		if (debugging())
			fprintf(stderr, "iv_thread: pthr_create for [%s] "
				"failed with error %d[%s]\n", name, ret,
				strerror(ret));
		iv_event_unregister(&t->dead);
		goto err_free;
	}

	iv_list_add_tail(&t->list, &tt->children);
	if (debugging())
		fprintf(stderr, "iv_thread: [%s] started\n", name);

	return 0;

err_free:
	free(t->name);
	free(t);
	return -1;
}

IV_EXPORT void iv_thread_set_debug_state(int state)
{
	__atomic_store_n(&debug_state, !!state, __ATOMIC_RELAXED);
}

IV_EXPORT void iv_thread_list_children(void)
{
	struct thread_tls *tt;
	struct iv_list_head *lh;

	iv__state_for(__func__);
	tt = iv_tls_user_ptr(&thread_tls_user);

	fprintf(stderr, "tid\tname\n");
	fprintf(stderr, "%lu\tself\n", iv_get_thread_id());
	iv_list_for_each (lh, &tt->children) {
		struct iv_thread *t;

		t = iv_list_entry(lh, struct iv_thread, list);
		fprintf(stderr, "%lu\t%s\n",
			__atomic_load_n(&t->tid, __ATOMIC_RELAXED), t->name);
	}
}
