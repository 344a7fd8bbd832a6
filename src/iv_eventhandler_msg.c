/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_eventhandler message events: by-value deliveries to an owner loop. */

/*
 * Each thread that registers a local handler gets a mailbox: a FIFO of
 * deliveries under a mutex, and one iv_event that wakes the owner's loop.
 * An invocation copies the payload once into a reference-counted message
 * and appends one node per local handler, in snapshot (priority) order.
 * The owner drains its FIFO from the loop and calls each live handler
 * inside an ordinary frame, so a waiting deregister from another thread
 * waits for that call.  At iv_deinit() the owner deregisters its local
 * handlers, closes the mailbox and releases whatever is still queued;
 * later posts to a closed mailbox are dropped.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <iv.h>
#include <iv_event.h>
#include <iv_eventhandler.h>
#include "iv_private.h"

struct msg {
	unsigned long	refs;
	void		(*release)(void *msg);
	max_align_t	data[];
};

struct node {
	struct node			*next;
	struct msg			*m;
	struct iv_eventhandler_entry	*e;
	void				(*tramp)(iv_eventhandler_fn f, void *arg,
						 const void *msg);
};

struct iv_eventhandler_mailbox {
	unsigned long			refs;		/* atomic */
	pthread_mutex_t			lock;
	int				closed;
	struct node			*head;
	struct node			**tail;
	unsigned long			pending;
	struct iv_eventhandler_entry	locals;		/* list head */
	struct iv_event			ev;
};

struct eh_tls {
	struct iv_eventhandler_mailbox	*mb;
};

/* Hooks into iv_eventhandler.c. */
void iv_eventhandler__mailbox_put(struct iv_eventhandler_mailbox *mb);
void iv_eventhandler__local_gone(struct iv_eventhandler_entry *e);
void iv_eventhandler__local_link(struct iv_eventhandler_mailbox *mb,
				 struct iv_eventhandler_entry *e);
void iv_eventhandler__mailbox_shutdown(void);
void iv_eventhandler__entry_get(struct iv_eventhandler_entry *e);
void iv_eventhandler__entry_put(struct iv_eventhandler_entry *e);
void iv_eventhandler__frame_push(struct iv_eventhandler_pin *p);
int iv_eventhandler__deregister_quiet(iv_eventhandler_tag tag);
iv_eventhandler_tag iv_eventhandler__register_mb(
	struct iv_eventhandler_list *list, const char *name,
	iv_eventhandler_fn func, void *arg, int priority,
	struct iv_eventhandler_mailbox *mb);

static void tls_deinit(void *st);

static struct iv_tls_user eh_tls_user = {
	.sizeof_state	= sizeof(struct eh_tls),
	.deinit_thread	= tls_deinit,
};

__attribute__((constructor)) static void eventhandler_msg_init(void)
{
	iv_tls_user_register(&eh_tls_user);
}

static void msg_put(struct msg *m)
{
	if (__atomic_sub_fetch(&m->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	if (m->release != NULL)
		m->release(m->data);
	free(m);
}

static void node_drop(struct node *n)
{
	msg_put(n->m);
	iv_eventhandler__entry_put(n->e);
	free(n);
}

void iv_eventhandler__mailbox_put(struct iv_eventhandler_mailbox *mb)
{
	if (__atomic_sub_fetch(&mb->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	pthread_mutex_destroy(&mb->lock);
	free(mb);
}

void iv_eventhandler__local_link(struct iv_eventhandler_mailbox *mb,
				 struct iv_eventhandler_entry *e)
{
	pthread_mutex_lock(&mb->lock);
	e->next = mb->locals.next;
	e->prev = &mb->locals;
	mb->locals.next->prev = e;
	mb->locals.next = e;
	pthread_mutex_unlock(&mb->lock);
}

/* The entry's memory is about to be recycled. */
void iv_eventhandler__local_gone(struct iv_eventhandler_entry *e)
{
	struct iv_eventhandler_mailbox *mb = e->local;

	pthread_mutex_lock(&mb->lock);
	if (e->next != NULL) {
		e->next->prev = e->prev;
		e->prev->next = e->next;
	}
	e->next = e->prev = NULL;
	pthread_mutex_unlock(&mb->lock);
	iv_eventhandler__mailbox_put(mb);
}

/* Runs in the owner's loop. */
static void drain(void *cookie)
{
	struct iv_eventhandler_mailbox *mb = cookie;
	struct node *n;

	pthread_mutex_lock(&mb->lock);
	n = mb->head;
	mb->head = NULL;
	mb->tail = &mb->head;
	pthread_mutex_unlock(&mb->lock);

	while (n != NULL) {
		struct node *next = n->next;
		struct iv_eventhandler_entry *e = n->e;
		struct iv_eventhandler_pin p;

		iv_eventhandler__frame_push(&p);
		if (iv_eventhandler__enter(&p, e))
			n->tramp(e->func, e->arg, n->m->data);
		iv_eventhandler__leave(&p, e);
		iv_eventhandler__end(&p);

		__atomic_sub_fetch(&mb->pending, 1, __ATOMIC_RELAXED);
		node_drop(n);
		n = next;
	}
}

static struct iv_eventhandler_mailbox *mailbox_get(void)
{
	struct eh_tls *t;
	struct iv_eventhandler_mailbox *mb;

	if (!iv_inited())
		return NULL;
	t = iv_tls_user_ptr(&eh_tls_user);
	if (t == NULL)
		return NULL;
	if (t->mb != NULL)
		return t->mb;
	mb = calloc(1, sizeof(*mb));
	if (mb == NULL)
		return NULL;
	pthread_mutex_init(&mb->lock, NULL);
	mb->tail = &mb->head;
	mb->refs = 1;
	mb->locals.next = mb->locals.prev = &mb->locals;
	IV_EVENT_INIT(&mb->ev);
	mb->ev.cookie = mb;
	mb->ev.handler = drain;
	if (iv_event_register(&mb->ev) != 0) {
		pthread_mutex_destroy(&mb->lock);
		free(mb);
		return NULL;
	}
	t->mb = mb;
	return mb;
}

IV_EXPORT iv_eventhandler_tag
iv_eventhandler_register_local(struct iv_eventhandler_list *list,
			       const char *name, iv_eventhandler_fn func,
			       void *arg, int priority)
{
	struct iv_eventhandler_mailbox *mb;

	if (func == NULL || (list == NULL && name == NULL) || !iv_inited()) {
		errno = EINVAL;
		return NULL;
	}
	mb = mailbox_get();
	if (mb == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	__atomic_add_fetch(&mb->refs, 1, __ATOMIC_RELAXED);
	/* The entry owns that reference, also when registering fails. */
	return iv_eventhandler__register_mb(list, name, func, arg, priority,
					    mb);
}

IV_EXPORT void iv_eventhandler__post_local(
	struct iv_eventhandler_pin *p, const void *payload, size_t size,
	void (*release)(void *msg),
	void (*tramp)(iv_eventhandler_fn f, void *arg, const void *msg))
{
	unsigned long k = 0;
	unsigned int i;
	struct msg *m;

	for (i = 0; i < p->n; i++) {
		struct iv_eventhandler_entry *e = p->ents[i];

		if (e->local != NULL &&
		    !__atomic_load_n(&e->dead, __ATOMIC_ACQUIRE))
			k++;
	}
	if (k == 0)
		return;
	m = malloc(sizeof(*m) + size);
	if (m == NULL)
		return;
	memcpy(m->data, payload, size);
	m->release = release;
	/* One extra reference while the nodes are being queued. */
	m->refs = k + 1;

	for (i = 0; i < p->n && k > 0; i++) {
		struct iv_eventhandler_entry *e = p->ents[i];
		struct iv_eventhandler_mailbox *mb = e->local;
		struct node *n;

		if (mb == NULL || __atomic_load_n(&e->dead, __ATOMIC_ACQUIRE))
			continue;
		k--;
		n = malloc(sizeof(*n));
		if (n == NULL) {
			msg_put(m);
			continue;
		}
		iv_eventhandler__entry_get(e);
		n->next = NULL;
		n->m = m;
		n->e = e;
		n->tramp = tramp;
		pthread_mutex_lock(&mb->lock);
		if (mb->closed) {
			pthread_mutex_unlock(&mb->lock);
			node_drop(n);
			continue;
		}
		*mb->tail = n;
		mb->tail = &n->next;
		__atomic_add_fetch(&mb->pending, 1, __ATOMIC_RELAXED);
		iv_event_post(&mb->ev);
		pthread_mutex_unlock(&mb->lock);
	}
	while (k-- > 0)
		msg_put(m);
	msg_put(m);
}

IV_EXPORT unsigned long iv_eventhandler_local_pending(void)
{
	struct eh_tls *t;

	if (!iv_inited())
		return 0;
	t = iv_tls_user_ptr(&eh_tls_user);
	if (t == NULL || t->mb == NULL)
		return 0;
	return __atomic_load_n(&t->mb->pending, __ATOMIC_RELAXED);
}

static void mailbox_close(struct iv_eventhandler_mailbox *mb)
{
	struct node *n;

	/* Deregister the local handlers, one at a time, without mb->lock. */
	for (;;) {
		struct iv_eventhandler_entry *e, *found = NULL;

		pthread_mutex_lock(&mb->lock);
		for (e = mb->locals.next; e != &mb->locals; e = e->next) {
			if (__atomic_load_n(&e->state, __ATOMIC_ACQUIRE) == 1) {
				found = e;
				iv_eventhandler__entry_get(e);
				break;
			}
		}
		pthread_mutex_unlock(&mb->lock);
		if (found == NULL)
			break;
		iv_eventhandler__deregister_quiet(found);
		iv_eventhandler__entry_put(found);
	}

	pthread_mutex_lock(&mb->lock);
	mb->closed = 1;
	n = mb->head;
	mb->head = NULL;
	mb->tail = &mb->head;
	pthread_mutex_unlock(&mb->lock);
	while (n != NULL) {
		struct node *next = n->next;

		__atomic_sub_fetch(&mb->pending, 1, __ATOMIC_RELAXED);
		node_drop(n);
		n = next;
	}
	iv_event_unregister(&mb->ev);
	iv_eventhandler__mailbox_put(mb);
}

static void tls_deinit(void *st)
{
	struct eh_tls *t = st;

	if (t->mb != NULL) {
		mailbox_close(t->mb);
		t->mb = NULL;
	}
}

void iv_eventhandler__mailbox_shutdown(void)
{
}
