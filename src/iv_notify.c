/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_notify: QNX-style arm/trigger notification for in-process resources. */

/*
 * Design notes.
 *
 * 1. A source owns a heap core: lock S, one list of entries per condition
 *    index, per-list cached values read without the lock (lvl: lowest
 *    threshold of the armed level entries; edge: a transition entry is
 *    armed; tmin: what a trigger must reach to do anything), a reference
 *    count (the source plus every open conn) and a busy count of arms in
 *    flight, which destroy and close wait for.
 * 2. An entry is one (conn, tag, index): tag is NULL for plain arms, the
 *    watch for a watch, the thread's waiter for iv_notify_poll().  The
 *    entries of one (conn, tag) hang off a rec, so a GROUP arm can disarm
 *    its siblings in O(nconds).  Entries are created at first arm and kept
 *    disarmed until a remove, so re-arming does not allocate.
 * 3. Every delivery is issued with S held, so a disarm or remove under S
 *    is a barrier: once it returns, that entry starts no new delivery.
 * 4. CALLBACK deliveries go to a per-thread endpoint (found through
 *    iv_tls): a queue of entries under lock E plus one iv_event.  An entry
 *    is queued at most once; a second delivery ORs its conditions in.
 *    The endpoint counts armed callback entries (live) and the owner
 *    thread mirrors that count into its loop's object count, so armed
 *    callbacks keep iv_main() running and nothing else does.
 * 5. Lock order: conn/arm bookkeeping -> resource lock R -> S -> E or the
 *    helper queue lock H -> ivykis internals.
 * 6. A CALLBACK delivery queues its entry under S and E, but the endpoint's
 *    iv_event is posted only once this thread has let go of S (every
 *    release of S flushes): the woken loop's first act is usually to take
 *    the resource's lock, and it would find it still held.  Until the post
 *    is made the endpoint counts the thread in `posters`, and its owner
 *    waits for that count to drain before it unregisters the event.
 */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <iv_event.h>
#include <iv_notify.h>
#include "iv_private.h"

#ifdef IV_NOTIFY_TEST_HOOKS
void (*iv_notify_test_hook)(int point, void *arg);
#define HOOK(p, a)	do { if (iv_notify_test_hook != NULL)		\
				iv_notify_test_hook(p, a); } while (0)
#else
#define HOOK(p, a)	do { } while (0)
#endif

/*
 * Lock ranks (2.9): S, then E, H or the tid lock.  Test builds check that
 * the library only takes a lock ranked below everything it holds; a release
 * build maps LOCK/UNLOCK straight to the pthread calls.  The source lock
 * taken by a resource (iv_notify_source_lock) is the resource's own lock
 * and is not tracked.
 */
enum { RK_S, RK_E, RK_H, RK_TID, RK_N };

#ifdef IV_NOTIFY_TEST_HOOKS
#include <stdio.h>

static __thread unsigned int rk_held[RK_N];

static void rk_lock(pthread_mutex_t *m, int r)
{
	int i;

	for (i = r; i < RK_N; i++) {
		if (rk_held[i]) {
			fprintf(stderr, "iv_notify: lock rank %d taken while "
				"holding rank %d\n", r, i);
			abort();
		}
	}
	pthread_mutex_lock(m);
	rk_held[r]++;
}

static void rk_unlock(pthread_mutex_t *m, int r)
{
	rk_held[r]--;
	pthread_mutex_unlock(m);
}
#define LOCK(m, r)	rk_lock(m, r)
#define UNLOCK(m, r)	rk_unlock(m, r)
#else
#define LOCK(m, r)	pthread_mutex_lock(m)
#define UNLOCK(m, r)	pthread_mutex_unlock(m)
#endif

#define ACTION_PEEK	4		/* internal: disarm only if ready */
#define SIGEV_WAKE	0x7f		/* internal: iv_notify_poll waiter */
#define NOLIVE		0x10000		/* internal arm flag */
#define POLL_MAX	4096

struct core;
struct ep;

struct tidrec {
	int			refs;
	int			dead;
	pid_t			tid;
};

struct waiter {
	int			fd;
	unsigned int		gen;
	uint32_t		*slots;
};

struct ent {
	struct iv_list_head	link;		/* core list, under S */
	struct rec		*rec;
	int			idx;
	int			cnt;
	uint8_t			armed;
	uint8_t			tran;
	uint8_t			ext;
	uint8_t			group;
	uint8_t			lv;		/* counted in ep->live */
	struct iv_sigevent	ev;		/* prepared copy */
	struct ep		*ep;
	struct tidrec		*tr;
	struct waiter		*w;
	unsigned int		wgen;
	int			wslot;

	/* Endpoint queue, under E. */
	struct iv_list_head	qnode;
	uint32_t		qconds;
	union sigval		qval;
	uint8_t			queued;
	uint8_t			qlv;
	uint8_t			orphan;		/* detached copy, freed by ep_run */

	/* Helper thread queue, under H. */
	struct iv_list_head	hnode;
	union sigval		hval;
	void			(*hfn)(union sigval);
	uint8_t			hqueued;
};

struct rec {
	struct iv_list_head	conn_link;
	struct conn_		*conn;
	const void		*tag;
	struct ent		*e[IV_NOTIFY_MAXCOND];
	int			n;
};

struct conn_ {
	struct core		*core;
	int			closed;
	int			busy;
	struct iv_list_head	recs;
	void			*unused[2];
};
_Static_assert(sizeof(struct conn_) <= sizeof(struct iv_notify_conn),
	       "conn_");

struct core {
	pthread_mutex_t		S;
	pthread_cond_t		idle;
	int			refs;
	int			dead;
	int			busy;
	int			nconds;
	unsigned int		flags;
	const struct iv_notify_source_ops *ops;
	void			*cookie;
	struct iv_list_head	list[IV_NOTIFY_MAXCOND];
	int			ntran[IV_NOTIFY_MAXCOND];
	int			lvl[IV_NOTIFY_MAXCOND];
	int			edge[IV_NOTIFY_MAXCOND];
	int			tmin[IV_NOTIFY_MAXCOND];
	struct iv_notify_stats	stats;

	/* Async posting. */
	int			afd;
	struct iv_fd		afd_fd;
	uint32_t		apending;
	int			acnt[IV_NOTIFY_MAXCOND];
};

struct ep {
	pthread_mutex_t		E;
	int			refs;
	int			dead;
	int			live;		/* atomic */
	int			registered;	/* ev registered, under E */
	int			nwatch;		/* owner only */
	int			arming;		/* owner only */
	int			posters;	/* atomic: deferred posts */
	struct iv_list_head	pending;
	struct iv_event		ev;
};

/*
 * S and E are held for short stretches by a producer and a consumer on
 * different CPUs: spin a little before sleeping (glibc's adaptive mutex),
 * which saves the futex calls of most collisions (W2 at burst 16: 0.31
 * futex calls per item with a plain mutex).
 */
static void init_adaptive(pthread_mutex_t *m)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ADAPTIVE_NP);
	pthread_mutex_init(m, &a);
	pthread_mutexattr_destroy(&a);
}

/* This thread's deferred endpoint posts (design note 6). */
#define DEFER_MAX	16

static __thread struct ep *defer_ep[DEFER_MAX];
static __thread unsigned int defer_n;

static void post_deferred(void)
{
	while (defer_n > 0) {
		struct ep *ep = defer_ep[--defer_n];

		iv_event_post(&ep->ev);
		__atomic_sub_fetch(&ep->posters, 1, __ATOMIC_RELEASE);
	}
}

/* Makes this thread's deferred posts, if any. */
static inline void flush_wakes(void)
{
	if (defer_n)
		post_deferred();
}

/* Under E: post ep's event now, or once S is released. */
static void ep_wake_locked(struct ep *ep)
{
	unsigned int i;

	for (i = 0; i < defer_n; i++)
		if (defer_ep[i] == ep)
			return;
	if (defer_n == DEFER_MAX) {
		iv_event_post(&ep->ev);
		return;
	}
	__atomic_add_fetch(&ep->posters, 1, __ATOMIC_RELAXED);
	defer_ep[defer_n++] = ep;
}

/* Under E, before the event goes: no deferred post may still be aimed
 * at it.  Our own are made now; other threads' need nothing we hold. */
static void ep_wait_posters(struct ep *ep)
{
	flush_wakes();
	while (__atomic_load_n(&ep->posters, __ATOMIC_ACQUIRE))
		sched_yield();
}

#define S_UNLOCK(c)	do {						\
				UNLOCK(&(c)->S, RK_S);			\
				flush_wakes();				\
			} while (0)

/* ---------------------------------------------------------------- */
/* Small helpers. */

static uint32_t cond_basic_to_conde(uint32_t f)
{
	return (f & IV_NOTIFY_COND_MASK & ~IV_NOTIFY_COND_EXTEN) >> 28;
}

/* Both vocabularies for the first three lists, EXTEN stripped. */
static uint32_t normalise(uint32_t t)
{
	uint32_t r = t & ~IV_NOTIFY_COND_EXTEN;

	r |= cond_basic_to_conde(t);
	r |= (t & 7u) << 28;
	return r;
}

/* The index bits a request asks for. */
static uint32_t asked_indices(uint32_t flags)
{
	uint32_t r = cond_basic_to_conde(flags);

	if (flags & IV_NOTIFY_COND_EXTEN)
		r |= flags & IV_NOTIFY_CONDE_MASK;
	return r;
}

static void recompute_cache(struct core *c, int i)
{
	struct iv_list_head *lh;
	int lvl = INT_MAX;

	iv_list_for_each (lh, &c->list[i]) {
		struct ent *e = iv_list_entry(lh, struct ent, link);

		if (e->armed && !e->tran && e->cnt < lvl)
			lvl = e->cnt;
	}
	__atomic_store_n(&c->lvl[i], lvl, __ATOMIC_SEQ_CST);
	__atomic_store_n(&c->edge[i], c->ntran[i] > 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&c->tmin[i], c->ntran[i] > 0 ? INT_MIN : lvl,
			 __ATOMIC_SEQ_CST);
}

static void lower_cache(struct core *c, int i, int cnt, int tran)
{
	if (tran) {
		__atomic_store_n(&c->edge[i], 1, __ATOMIC_SEQ_CST);
		__atomic_store_n(&c->tmin[i], INT_MIN, __ATOMIC_SEQ_CST);
		return;
	}
	if (cnt < c->lvl[i])
		__atomic_store_n(&c->lvl[i], cnt, __ATOMIC_SEQ_CST);
	if (cnt < c->tmin[i])
		__atomic_store_n(&c->tmin[i], cnt, __ATOMIC_SEQ_CST);
}

static void core_put(struct core *c)
{
	if (__atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	pthread_cond_destroy(&c->idle);
	pthread_mutex_destroy(&c->S);
	free(c);
}

/* ---------------------------------------------------------------- */
/* Per-thread endpoint. */

static struct iv_tls_user ep_tls;

static void ep_put(struct ep *ep)
{
	if (__atomic_sub_fetch(&ep->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	pthread_mutex_destroy(&ep->E);
	free(ep);
}

/*
 * Owner thread: the endpoint's event is registered exactly while it is
 * needed (armed callbacks, watches, queued deliveries, an arm in
 * progress), so it keeps iv_main() running then and only then.
 */
static void ep_sync(struct ep *ep)
{
	int need;

	if (ep->dead)
		return;
	LOCK(&ep->E, RK_E);
	need = __atomic_load_n(&ep->live, __ATOMIC_ACQUIRE) > 0 ||
	       ep->nwatch > 0 || ep->arming > 0 ||
	       !iv_list_empty(&ep->pending);
	if (need && !ep->registered) {
		if (iv_event_register(&ep->ev) == 0)
			ep->registered = 1;
	} else if (!need && ep->registered) {
		ep_wait_posters(ep);
		iv_event_unregister(&ep->ev);
		ep->registered = 0;
	}
	UNLOCK(&ep->E, RK_E);
}

static void ep_run(void *_ep)
{
	struct ep *ep = _ep;

	for (;;) {
		void (*handler)(void *, uint32_t, union sigval);
		void *cookie;
		uint32_t conds;
		union sigval val;
		struct ent *e;

		LOCK(&ep->E, RK_E);
		if (iv_list_empty(&ep->pending)) {
			UNLOCK(&ep->E, RK_E);
			break;
		}
		e = iv_list_entry(ep->pending.next, struct ent, qnode);
		iv_list_del_init(&e->qnode);
		e->queued = 0;
		handler = e->ev.handler;
		cookie = e->ev.cookie;
		conds = e->qconds;
		val = e->qval;
		e->qconds = 0;
		if (e->qlv) {
			e->qlv = 0;
			__atomic_sub_fetch(&ep->live, 1, __ATOMIC_ACQ_REL);
		}
		if (e->orphan)
			free(e);
		UNLOCK(&ep->E, RK_E);

		handler(cookie, conds, val);
	}
	ep_sync(ep);
}

static void ep_tls_init(void *_p)
{
	*(struct ep **)_p = NULL;
}

static void ep_tls_deinit(void *_p)
{
	struct ep *ep = *(struct ep **)_p;

	if (ep == NULL)
		return;
	*(struct ep **)_p = NULL;

	LOCK(&ep->E, RK_E);
	ep->dead = 1;
	while (!iv_list_empty(&ep->pending)) {
		struct ent *e;

		e = iv_list_entry(ep->pending.next, struct ent, qnode);
		iv_list_del_init(&e->qnode);
		e->queued = 0;
		if (e->qlv) {
			e->qlv = 0;
			__atomic_sub_fetch(&ep->live, 1, __ATOMIC_ACQ_REL);
		}
		if (e->orphan)
			free(e);
	}
	if (ep->registered) {
		ep_wait_posters(ep);
		iv_event_unregister(&ep->ev);
		ep->registered = 0;
	}
	UNLOCK(&ep->E, RK_E);
	ep_put(ep);
}

__attribute__((constructor)) static void iv_notify_ctor(void)
{
	ep_tls.sizeof_state = sizeof(struct ep *);
	ep_tls.init_thread = ep_tls_init;
	ep_tls.deinit_thread = ep_tls_deinit;
	iv_tls_user_register(&ep_tls);
}

/* The calling thread's endpoint; NULL without iv_init() or memory. */
static struct ep *ep_get(void)
{
	struct ep **pp;
	struct ep *ep;

	if (!iv_inited())
		return NULL;
	pp = iv_tls_user_ptr(&ep_tls);
	if (*pp != NULL)
		return *pp;

	ep = calloc(1, sizeof(*ep));
	if (ep == NULL)
		return NULL;
	init_adaptive(&ep->E);
	ep->refs = 1;
	INIT_IV_LIST_HEAD(&ep->pending);
	IV_EVENT_INIT(&ep->ev);
	ep->ev.cookie = ep;
	ep->ev.handler = ep_run;
	*pp = ep;
	return ep;
}

/* Under E: take an entry off its endpoint's queue. */
static void ep_unqueue_locked(struct ep *ep, struct ent *e)
{
	if (e->queued) {
		iv_list_del_init(&e->qnode);
		e->queued = 0;
		e->qconds = 0;
	}
	if (e->qlv) {
		e->qlv = 0;
		__atomic_sub_fetch(&ep->live, 1, __ATOMIC_ACQ_REL);
	}
}

/*
 * Under E: a source being destroyed frees an entry whose final delivery
 * is still queued; a detached copy takes its place in the queue.
 */
static void ep_orphan_locked(struct ent *e)
{
	struct ent *o = calloc(1, sizeof(*o));

	if (o == NULL)
		return;
	o->orphan = 1;
	o->ev.handler = e->ev.handler;
	o->ev.cookie = e->ev.cookie;
	o->qconds = e->qconds;
	o->qval = e->qval;
	o->queued = 1;
	o->qlv = e->qlv;
	e->qlv = 0;
	iv_list_add(&o->qnode, &e->qnode);
	iv_list_del_init(&e->qnode);
	e->queued = 0;
}

/* Owner: drop detached deliveries aimed at cookie (a watch going away). */
static void ep_drop_orphans(struct ep *ep, void *cookie)
{
	struct iv_list_head *lh;
	struct iv_list_head *lh2;

	LOCK(&ep->E, RK_E);
	iv_list_for_each_safe (lh, lh2, &ep->pending) {
		struct ent *o = iv_list_entry(lh, struct ent, qnode);

		if (o->orphan && o->ev.cookie == cookie) {
			iv_list_del(&o->qnode);
			if (o->qlv)
				__atomic_sub_fetch(&ep->live, 1,
						   __ATOMIC_ACQ_REL);
			free(o);
		}
	}
	UNLOCK(&ep->E, RK_E);
}

/* The live count changed from some thread: let the owner see it. */
static void ep_changed_locked(struct ep *ep)
{
	if (!ep->dead && ep->registered)
		iv_event_post(&ep->ev);
}

/* ---------------------------------------------------------------- */
/* Thread records for SIGNAL_THREAD (a key destructor marks them dead). */

static pthread_key_t tid_key;
static pthread_once_t tid_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t tid_lock = PTHREAD_MUTEX_INITIALIZER;

static void tidrec_put(struct tidrec *tr)
{
	int gone;

	LOCK(&tid_lock, RK_TID);
	gone = --tr->refs == 0;
	UNLOCK(&tid_lock, RK_TID);
	if (gone)
		free(tr);
}

static void tid_key_destructor(void *p)
{
	struct tidrec *tr = p;

	LOCK(&tid_lock, RK_TID);
	tr->dead = 1;
	UNLOCK(&tid_lock, RK_TID);
	tidrec_put(tr);
}

static void tid_key_create(void)
{
	pthread_key_create(&tid_key, tid_key_destructor);
}

static struct tidrec *tidrec_self(void)
{
	struct tidrec *tr;

	pthread_once(&tid_once, tid_key_create);
	tr = pthread_getspecific(tid_key);
	if (tr == NULL) {
		tr = calloc(1, sizeof(*tr));
		if (tr == NULL)
			return NULL;
		tr->refs = 1;
		tr->tid = gettid();
		pthread_setspecific(tid_key, tr);
	}
	LOCK(&tid_lock, RK_TID);
	tr->refs++;
	UNLOCK(&tid_lock, RK_TID);
	return tr;
}

/* ---------------------------------------------------------------- */
/* The helper thread for IV_SIGEV_THREAD. */

static pthread_mutex_t H = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t H_cond = PTHREAD_COND_INITIALIZER;
static struct iv_list_head H_queue = IV_LIST_HEAD_INIT(H_queue);
static int H_started;

struct thread_job {
	void		(*function)(union sigval);
	union sigval	value;
};

static void *helper_main(void *arg)
{
	LOCK(&H, RK_H);
	for (;;) {
		void (*fn)(union sigval);
		union sigval val;
		struct ent *e;

		while (iv_list_empty(&H_queue))
			pthread_cond_wait(&H_cond, &H);
		e = iv_list_entry(H_queue.next, struct ent, hnode);
		iv_list_del_init(&e->hnode);
		e->hqueued = 0;
		fn = e->hfn;
		val = e->hval;
		UNLOCK(&H, RK_H);
		fn(val);
		LOCK(&H, RK_H);
	}
	return NULL;
}

static void *job_main(void *arg)
{
	struct thread_job job = *(struct thread_job *)arg;

	free(arg);
	job.function(job.value);
	return NULL;
}

static int helper_queue_locked(struct ent *e, union sigval val)
{
	if (!H_started) {
		pthread_t t;
		sigset_t all;
		sigset_t old;
		int ret;

		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		ret = pthread_create(&t, NULL, helper_main, NULL);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		if (ret)
			return -1;
		pthread_detach(t);
		H_started = 1;
	}
	e->hval = val;
	e->hfn = e->ev.function;
	if (!e->hqueued) {
		iv_list_add_tail(&e->hnode, &H_queue);
		e->hqueued = 1;
	}
	pthread_cond_signal(&H_cond);
	return 0;
}

/* ---------------------------------------------------------------- */
/* Entries. */

/* Under S: release what an armed entry's prepared event holds. */
static void ent_release_event(struct core *c, struct ent *e)
{
	if (e->ev.notify == IV_SIGEV_EVENTFD && e->ev.fd >= 0) {
		close(e->ev.fd);
		e->ev.fd = -1;
	}
	if (e->ep != NULL) {
		struct ep *ep = e->ep;

		LOCK(&ep->E, RK_E);
		if (c != NULL && c->dead && e->queued && !ep->dead)
			ep_orphan_locked(e);
		ep_unqueue_locked(ep, e);
		if (e->lv) {
			e->lv = 0;
			__atomic_sub_fetch(&ep->live, 1, __ATOMIC_ACQ_REL);
		}
		ep_changed_locked(ep);
		UNLOCK(&ep->E, RK_E);
		ep_put(ep);
		e->ep = NULL;
	}
	if (e->tr != NULL) {
		tidrec_put(e->tr);
		e->tr = NULL;
	}
	if (e->ev.notify == IV_SIGEV_THREAD) {
		LOCK(&H, RK_H);
		if (e->hqueued) {
			iv_list_del_init(&e->hnode);
			e->hqueued = 0;
		}
		UNLOCK(&H, RK_H);
	}
	e->w = NULL;
	e->ev.notify = IV_SIGEV_NONE;
}

/* Under S: disarm; the prepared event goes too (not on the fire path). */
static void ent_disarm(struct core *c, struct ent *e)
{
	if (e->armed) {
		e->armed = 0;
		if (e->tran)
			c->ntran[e->idx]--;
		e->tran = 0;
		e->cnt = INT_MAX;
	}
	if (e->ev.notify != IV_SIGEV_NONE)
		ent_release_event(c, e);
}

static void ent_free(struct core *c, struct ent *e)
{
	struct rec *r = e->rec;

	ent_disarm(c, e);
	iv_list_del(&e->link);
	r->e[e->idx] = NULL;
	free(e);
	if (--r->n == 0) {
		iv_list_del(&r->conn_link);
		free(r);
	}
}

static struct rec *rec_find(struct conn_ *cn, const void *tag)
{
	struct iv_list_head *lh;

	iv_list_for_each (lh, &cn->recs) {
		struct rec *r = iv_list_entry(lh, struct rec, conn_link);

		if (r->tag == tag)
			return r;
	}
	return NULL;
}

/* ---------------------------------------------------------------- */
/* Delivery (S held). */

static int sys_rt_sigqueueinfo(pid_t pid, int sig, siginfo_t *si)
{
	return (int)syscall(SYS_rt_sigqueueinfo, pid, sig, si);
}

static int sys_rt_tgsigqueueinfo(pid_t pid, pid_t tid, int sig, siginfo_t *si)
{
	return (int)syscall(SYS_rt_tgsigqueueinfo, pid, tid, sig, si);
}

static void mem_op(unsigned int *addr, int op, unsigned int v)
{
	switch (op) {
	case IV_SIGEV_MEM_ASSIGN:
		__atomic_store_n(addr, v, __ATOMIC_SEQ_CST);
		break;
	case IV_SIGEV_MEM_ADD:
		__atomic_add_fetch(addr, v, __ATOMIC_SEQ_CST);
		break;
	case IV_SIGEV_MEM_SUB:
		__atomic_sub_fetch(addr, v, __ATOMIC_SEQ_CST);
		break;
	case IV_SIGEV_MEM_BITSET:
		__atomic_or_fetch(addr, v, __ATOMIC_SEQ_CST);
		break;
	case IV_SIGEV_MEM_BITCLR:
		__atomic_and_fetch(addr, ~v, __ATOMIC_SEQ_CST);
		break;
	default:
		__atomic_xor_fetch(addr, v, __ATOMIC_SEQ_CST);
		break;
	}
	syscall(SYS_futex, addr, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/*
 * Deliver one entry that fired on list idx with the extra conditions
 * extra.  Returns 0, or -1 with EAGAIN when a retry is wanted.
 */
static int deliver(struct core *c, struct ent *e, uint32_t extra)
{
	struct iv_sigevent *ev = &e->ev;
	union sigval val = ev->value;
	int code = ev->code;
	uint32_t conds;
	int idx = e->idx;
	siginfo_t si;
	int ret = 0;

	if (e->ext)
		conds = IV_NOTIFY_COND_EXTEN | (1u << idx) | extra;
	else if (idx < 3)
		conds = (IV_NOTIFY_COND_INPUT << idx) |
			(extra ? (IV_NOTIFY_COND_EXTEN | extra) : 0);
	else
		conds = IV_NOTIFY_COND_EXTEN | (1u << idx) | extra;

	if (code == IV_SI_NOTIFY && (ev->notify == IV_SIGEV_SIGNAL ||
	    ev->notify == IV_SIGEV_SIGNAL_CODE ||
	    ev->notify == IV_SIGEV_SIGNAL_THREAD ||
	    ev->notify == IV_SIGEV_THREAD_ID ||
	    ev->notify == IV_SIGEV_CALLBACK)) {
		if (idx < 4)
			val.sival_int = (int)((uint32_t)val.sival_int |
					      (IV_NOTIFY_COND_INPUT << idx));
		if (e->ext) {
			val.sival_int = (int)((uint32_t)val.sival_int |
					      IV_NOTIFY_COND_EXTEN);
			code = -(1 << idx);
		}
	}

	HOOK(3, e);

	switch (ev->notify) {
	case IV_SIGEV_CALLBACK: {
		struct ep *ep = e->ep;

		LOCK(&ep->E, RK_E);
		if (ep->dead || !ep->registered) {
			UNLOCK(&ep->E, RK_E);
			errno = ESRCH;
			return -2;
		}
		e->qconds |= conds;
		e->qval = val;
		if (e->lv) {
			e->lv = 0;
			if (e->qlv)
				__atomic_sub_fetch(&ep->live, 1,
						   __ATOMIC_ACQ_REL);
			else
				e->qlv = 1;
		}
		if (!e->queued) {
			iv_list_add_tail(&e->qnode, &ep->pending);
			e->queued = 1;
		}
		ep_wake_locked(ep);
		UNLOCK(&ep->E, RK_E);
		break;
	}
	case IV_SIGEV_EVENTFD: {
		uint64_t one = 1;

		if (write(ev->fd, &one, sizeof(one)) != sizeof(one))
			ret = -2;
		break;
	}
	case IV_SIGEV_SIGNAL:
	case IV_SIGEV_SIGNAL_CODE:
	case IV_SIGEV_SIGNAL_THREAD:
	case IV_SIGEV_THREAD_ID:
		memset(&si, 0, sizeof(si));
		si.si_signo = ev->signo;
		si.si_code = ev->notify == IV_SIGEV_SIGNAL && code != IV_SI_NOTIFY
			     && !e->ext ? SI_QUEUE : code;
		if (si.si_code >= 0 || si.si_code == SI_TKILL)
			si.si_code = SI_QUEUE;
		si.si_pid = getpid();
		si.si_uid = getuid();
		si.si_value = val;
		if (ev->notify == IV_SIGEV_SIGNAL ||
		    ev->notify == IV_SIGEV_SIGNAL_CODE) {
			ret = sys_rt_sigqueueinfo(getpid(), ev->signo, &si);
		} else if (ev->notify == IV_SIGEV_SIGNAL_THREAD && e->tr != NULL) {
			int dead;

			LOCK(&tid_lock, RK_TID);
			dead = e->tr->dead;
			UNLOCK(&tid_lock, RK_TID);
			if (dead) {
				errno = ESRCH;
				ret = -1;
			} else {
				ret = sys_rt_tgsigqueueinfo(getpid(), ev->tid,
							    ev->signo, &si);
			}
		} else {
			ret = sys_rt_tgsigqueueinfo(getpid(), ev->tid,
						    ev->signo, &si);
		}
		if (ret < 0 && errno == EAGAIN &&
		    !(c->flags & IV_NOTIFY_SRC_NO_RETRY))
			return -1;
		if (ret < 0)
			ret = -2;
		break;
	case IV_SIGEV_THREAD:
		if (ev->attributes != NULL) {
			struct thread_job *job = malloc(sizeof(*job));
			pthread_attr_t attr;
			pthread_t t;

			if (job == NULL) {
				ret = -2;
				break;
			}
			job->function = ev->function;
			job->value = val;
			attr = *ev->attributes;
			pthread_attr_setdetachstate(&attr,
						    PTHREAD_CREATE_DETACHED);
			if (pthread_create(&t, &attr, job_main, job)) {
				free(job);
				ret = -2;
			}
		} else {
			LOCK(&H, RK_H);
			ret = helper_queue_locked(e, val) < 0 ? -2 : 0;
			UNLOCK(&H, RK_H);
		}
		break;
	case IV_SIGEV_MEMORY:
		mem_op(ev->addr, ev->memop, (unsigned int)val.sival_int);
		break;
	case SIGEV_WAKE: {
		struct waiter *w = e->w;
		uint64_t one = 1;

		if (w != NULL &&
		    __atomic_load_n(&w->gen, __ATOMIC_ACQUIRE) == e->wgen) {
			__atomic_or_fetch(&w->slots[e->wslot], conds,
					  __ATOMIC_RELEASE);
			if (write(w->fd, &one, sizeof(one)) < 0)
				ret = -2;
		}
		break;
	}
	default:
		break;
	}
	return ret;
}

/* Under S: one armed entry fires; handles GROUP siblings and retries. */
static void fire(struct core *c, struct ent *e, uint32_t extra)
{
	int ret;

	/* Disarm first, keeping the prepared event for the delivery. */
	e->armed = 0;
	if (e->tran)
		c->ntran[e->idx]--;
	e->tran = 0;
	e->cnt = INT_MAX;
	if (e->group) {
		struct rec *r = e->rec;
		int i;

		for (i = 0; i < c->nconds; i++) {
			struct ent *s = r->e[i];

			if (s != NULL && s != e && s->armed && s->group)
				ent_disarm(c, s);
		}
	}

	ret = deliver(c, e, extra);
	if (ret == -1) {
		/* EAGAIN from a signal queue: stay armed, retry later. */
		e->armed = 1;
		e->cnt = 0;
		c->stats.retried++;
		lower_cache(c, e->idx, 0, 0);
		return;
	}
	if (ret < 0)
		c->stats.dropped++;
	else
		c->stats.deliveries++;

	/* CALLBACK keeps its endpoint (and its queued node) until re-armed
	 * or removed; the rest drop what they hold now. */
	if ((e->ev.notify != IV_SIGEV_CALLBACK &&
	     e->ev.notify != IV_SIGEV_THREAD) || ret < 0)
		ent_release_event(c, e);
}

static void trigger_locked(struct core *c, const struct conn_ *strict,
			   int cnt, int idx, uint32_t extra)
{
	struct iv_list_head *lh;
	struct iv_list_head *lh2;
	int steady = !!(extra & IV_NOTIFY_TRIGF_STEADY);

	extra &= IV_NOTIFY_CONDE_MASK;
	c->stats.triggers++;
	iv_list_for_each_safe (lh, lh2, &c->list[idx]) {
		struct ent *e = iv_list_entry(lh, struct ent, link);

		if (!e->armed)
			continue;
		if (strict != NULL && e->rec->conn != strict)
			continue;
		if (e->tran ? steady : e->cnt > cnt)
			continue;
		fire(c, e, extra);
	}
	recompute_cache(c, idx);
}

/* ---------------------------------------------------------------- */
/* Source side. */

static void async_drain(void *_c)
{
	struct core *c = _c;
	uint64_t v;
	uint32_t mask;
	int i;

	if (read(c->afd, &v, sizeof(v)) < 0)
		return;
	mask = __atomic_exchange_n(&c->apending, 0, __ATOMIC_ACQ_REL);
	LOCK(&c->S, RK_S);
	for (i = 0; i < c->nconds; i++) {
		if (mask & (1u << i)) {
			int cnt = __atomic_exchange_n(&c->acnt[i], 0,
						      __ATOMIC_ACQ_REL);

			trigger_locked(c, NULL, cnt, i, 0);
		}
	}
	S_UNLOCK(c);
}

IV_EXPORT int iv_notify_source_init(struct iv_notify_source *src, int nconds,
				    const struct iv_notify_source_ops *ops,
				    void *cookie)
{
	struct core *c;
	int i;

	if (nconds < 3 || nconds > IV_NOTIFY_MAXCOND || ops == NULL ||
	    (ops->notify == NULL && ops->query == NULL))
		return EINVAL;
	if ((ops->flags & IV_NOTIFY_SRC_ASYNC) && !iv_inited())
		return EINVAL;

	c = calloc(1, sizeof(*c));
	if (c == NULL)
		return ENOMEM;
	init_adaptive(&c->S);
	pthread_cond_init(&c->idle, NULL);
	c->refs = 1;
	c->nconds = nconds;
	c->flags = ops->flags;
	c->ops = ops;
	c->cookie = cookie;
	c->afd = -1;
	for (i = 0; i < IV_NOTIFY_MAXCOND; i++) {
		INIT_IV_LIST_HEAD(&c->list[i]);
		c->lvl[i] = INT_MAX;
		c->tmin[i] = INT_MAX;
	}
	if (ops->flags & IV_NOTIFY_SRC_ASYNC) {
		c->afd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
		if (c->afd < 0) {
			pthread_cond_destroy(&c->idle);
			pthread_mutex_destroy(&c->S);
			free(c);
			return EMFILE;
		}
		IV_FD_INIT(&c->afd_fd);
		c->afd_fd.fd = c->afd;
		c->afd_fd.cookie = c;
		c->afd_fd.handler_in = async_drain;
		iv_fd_register(&c->afd_fd);
	}
	src->core = c;
	return 0;
}

IV_EXPORT void iv_notify_source_destroy(struct iv_notify_source *src,
					uint32_t final_conde)
{
	struct core *c = src->core;
	int i;

	if (c == NULL)
		return;
	if (final_conde == 0)
		final_conde = IV_NOTIFY_CONDE_HUP;

	LOCK(&c->S, RK_S);
	c->dead = 1;
	while (c->busy) {
		flush_wakes();
		pthread_cond_wait(&c->idle, &c->S);
	}
	for (i = 0; i < c->nconds; i++)
		trigger_locked(c, NULL, INT_MAX, i, final_conde);
	for (i = 0; i < IV_NOTIFY_MAXCOND; i++) {
		while (!iv_list_empty(&c->list[i]))
			ent_free(c, iv_list_entry(c->list[i].next,
						  struct ent, link));
		recompute_cache(c, i);
	}
	S_UNLOCK(c);

	if (c->afd >= 0) {
		iv_fd_unregister(&c->afd_fd);
		close(c->afd);
		c->afd = -1;
	}
	src->core = NULL;
	core_put(c);
}

IV_EXPORT void iv_notify_source_lock(struct iv_notify_source *src)
{
	pthread_mutex_lock(&((struct core *)src->core)->S);
}

IV_EXPORT void iv_notify_source_unlock(struct iv_notify_source *src)
{
	pthread_mutex_unlock(&((struct core *)src->core)->S);
	flush_wakes();
}

IV_EXPORT int iv_notify_check(const struct iv_notify_source *src, int index,
			      int cnt, int tran)
{
	struct core *c = src->core;
	int lvl;

	if (c == NULL || index < 0 || index >= IV_NOTIFY_MAXCOND)
		return 0;
	lvl = __atomic_load_n(&c->lvl[index], __ATOMIC_SEQ_CST);
	if (lvl <= cnt && (lvl != 0 || tran))
		return 1;
	return tran && __atomic_load_n(&c->edge[index], __ATOMIC_SEQ_CST);
}

IV_EXPORT void iv_notify_trigger_ex_locked(struct iv_notify_source *src,
					   const struct iv_notify_conn *strict,
					   int cnt, int index,
					   uint32_t extra_conde)
{
	struct core *c = src->core;

	if (index < 0 || index >= IV_NOTIFY_MAXCOND)
		return;
	if (__atomic_load_n(&c->tmin[index], __ATOMIC_SEQ_CST) > cnt)
		return;
	trigger_locked(c, (const struct conn_ *)strict, cnt, index,
		       extra_conde);
}

IV_EXPORT void iv_notify_trigger_locked(struct iv_notify_source *src,
					int cnt, int index)
{
	iv_notify_trigger_ex_locked(src, NULL, cnt, index, 0);
}

/* The locked part of a trigger, out of line: the fast path of the
 * callers below then needs no stack frame. */
static __attribute__((noinline)) void
trigger_slow(struct core *c, const struct iv_notify_conn *strict, int cnt,
	     int index, uint32_t extra_conde)
{
	LOCK(&c->S, RK_S);
	trigger_locked(c, (const struct conn_ *)strict, cnt, index,
		       extra_conde);
	S_UNLOCK(c);
}

IV_EXPORT void iv_notify_trigger_ex(struct iv_notify_source *src,
				    const struct iv_notify_conn *strict,
				    int cnt, int index, uint32_t extra_conde)
{
	struct core *c = src->core;

	if (index < 0 || index >= IV_NOTIFY_MAXCOND)
		return;
	/* The fast path: nothing armed that this count could fire. */
	if (__atomic_load_n(&c->tmin[index], __ATOMIC_SEQ_CST) > cnt)
		return;
	trigger_slow(c, strict, cnt, index, extra_conde);
}

IV_EXPORT void iv_notify_trigger(struct iv_notify_source *src, int cnt,
				 int index)
{
	struct core *c = src->core;

	if ((unsigned int)index >= IV_NOTIFY_MAXCOND ||
	    __atomic_load_n(&c->tmin[index], __ATOMIC_SEQ_CST) > cnt)
		return;
	trigger_slow(c, NULL, cnt, index, 0);
}

IV_EXPORT void iv_notify_trigger_strict(struct iv_notify_source *src,
					const struct iv_notify_conn *conn,
					int cnt, int index)
{
	iv_notify_trigger_ex(src, conn, cnt, index, 0);
}

static void remove_locked(struct core *c, const struct conn_ *cn, int lim)
{
	int i;

	if (lim > IV_NOTIFY_MAXCOND)
		lim = IV_NOTIFY_MAXCOND;
	for (i = 0; i < lim; i++) {
		struct iv_list_head *lh;
		struct iv_list_head *lh2;

		iv_list_for_each_safe (lh, lh2, &c->list[i]) {
			struct ent *e = iv_list_entry(lh, struct ent, link);

			if (cn == NULL || e->rec->conn == cn)
				ent_free(c, e);
		}
		recompute_cache(c, i);
	}
}

IV_EXPORT void iv_notify_remove_strict_locked(struct iv_notify_source *src,
					      const struct iv_notify_conn *conn,
					      int lim)
{
	remove_locked(src->core, (const struct conn_ *)conn, lim);
}

IV_EXPORT void iv_notify_remove_strict(struct iv_notify_source *src,
				       const struct iv_notify_conn *conn,
				       int lim)
{
	struct core *c = src->core;

	LOCK(&c->S, RK_S);
	remove_locked(c, (const struct conn_ *)conn, lim);
	S_UNLOCK(c);
}

IV_EXPORT void iv_notify_remove(struct iv_notify_source *src,
				const struct iv_notify_conn *conn)
{
	iv_notify_remove_strict(src, conn, 3);
}

IV_EXPORT int iv_notify_post_async(struct iv_notify_source *src, int index,
				   int cnt)
{
	struct core *c = src->core;
	uint64_t one = 1;
	int old;

	if (c == NULL || c->afd < 0 || index < 0 || index >= c->nconds)
		return EINVAL;
	old = __atomic_load_n(&c->acnt[index], __ATOMIC_RELAXED);
	while (old < cnt && !__atomic_compare_exchange_n(&c->acnt[index],
			&old, cnt, 1, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		;
	__atomic_or_fetch(&c->apending, 1u << index, __ATOMIC_ACQ_REL);
	if (write(c->afd, &one, sizeof(one)) < 0) {
		/* counter full: a drain is due anyway */
	}
	return 0;
}

IV_EXPORT void iv_notify_source_stats(const struct iv_notify_source *src,
				      struct iv_notify_stats *st)
{
	struct core *c = src->core;

	LOCK(&c->S, RK_S);
	*st = c->stats;
	S_UNLOCK(c);
}

/* ---------------------------------------------------------------- */
/* The io_notify algorithm. */

/* Under S: does the TRANARM rule refuse this request? */
static int tranarm_busy(struct core *c, const struct conn_ *cn, int real)
{
	struct iv_list_head *lh;

	iv_list_for_each (lh, &c->list[0]) {
		struct ent *e = iv_list_entry(lh, struct ent, link);

		if (!e->armed)
			continue;
		if (!e->tran && !(c->flags & IV_NOTIFY_SRC_QNX_TRANARM))
			continue;
		if (e->rec->conn != cn || real)
			return 1;
	}
	return 0;
}

/* Under S: make the prepared copy of ev for one entry. */
static int ent_prepare(struct ent *e, const struct iv_sigevent *ev,
		       struct ep *ep, struct tidrec *tr)
{
	e->ev = *ev;
	if (ev->notify == IV_SIGEV_PULSE)
		e->ev.notify = IV_SIGEV_CALLBACK;
	if (ev->notify == IV_SIGEV_EVENTFD) {
		e->ev.fd = fcntl(ev->fd, F_DUPFD_CLOEXEC, 0);
		if (e->ev.fd < 0) {
			e->ev.notify = IV_SIGEV_NONE;
			return errno == EBADF ? EBADF : ENOMEM;
		}
	}
	if (e->ev.notify == IV_SIGEV_CALLBACK) {
		__atomic_add_fetch(&ep->refs, 1, __ATOMIC_ACQ_REL);
		e->ep = ep;
	}
	if (e->ev.notify == IV_SIGEV_SIGNAL_THREAD) {
		LOCK(&tid_lock, RK_TID);
		tr->refs++;
		UNLOCK(&tid_lock, RK_TID);
		e->tr = tr;
		e->ev.tid = tr->tid;
	}
	return 0;
}

struct arm_ctx {
	struct ep	*ep;
	struct tidrec	*tr;
	struct waiter	*w;
	unsigned int	wgen;
	int		wslot;
	int		nolive;
};

static __thread struct arm_ctx *cur_ctx;

static int handle_locked(struct core *c, struct iv_notify_req *req,
			 uint32_t trig, const int *counts, int *armed)
{
	struct conn_ *cn = (struct conn_ *)req->conn;
	int action = req->action & IV_NOTIFY_ACTION_MASK;
	const struct iv_sigevent *ev = req->event;
	uint32_t flags = req->flags;
	uint32_t ext = flags & IV_NOTIFY_COND_EXTEN;
	struct arm_ctx *ctx = cur_ctx;
	struct ent *todo[IV_NOTIFY_MAXCOND];
	uint32_t want;
	uint32_t met;
	uint32_t created = 0;
	struct rec *r;
	int none;
	int lim;
	int i;

	if ((req->action & ACTION_PEEK) == ACTION_PEEK &&
	    (req->action & 7) == ACTION_PEEK)
		action = ACTION_PEEK;
	none = ev == NULL || ev->notify == IV_SIGEV_NONE;

	lim = 3;
	if (armed != NULL && (trig & IV_NOTIFY_COND_EXTEN)) {
		lim = *armed < IV_NOTIFY_MAXCOND ? *armed : IV_NOTIFY_MAXCOND;
		*armed = 0;
	} else if (armed != NULL) {
		*armed = 0;
	}
	if (lim > c->nconds)
		lim = c->nconds;

	if (c->dead || cn == NULL || cn->closed)
		return EBADF;

	trig = normalise(trig);
	if (action == IV_NOTIFY_ACTION_TRANARM) {
		if (tranarm_busy(c, cn, !none))
			return EBUSY;
		met = 0;
	} else {
		met = trig & flags & ~IV_NOTIFY_COND_EXTEN &
		      (ext ? (IV_NOTIFY_COND_MASK | IV_NOTIFY_CONDE_MASK)
			   : IV_NOTIFY_COND_MASK);
	}

	want = asked_indices(flags);
	r = rec_find(cn, req->tag);

	/* Allocate first, so a failure leaves nothing half done. */
	for (i = 0; i < lim; i++) {
		if (!(want & (1u << i)))
			continue;
		todo[i] = r != NULL ? r->e[i] : NULL;
		if (todo[i] != NULL)
			continue;
		if (action == IV_NOTIFY_ACTION_POLL || action == ACTION_PEEK ||
		    none)
			continue;	/* nothing to disarm */
		if (r == NULL) {
			r = calloc(1, sizeof(*r));
			if (r == NULL)
				goto nomem;
			r->conn = cn;
			r->tag = req->tag;
			iv_list_add(&r->conn_link, &cn->recs);
		}
		todo[i] = calloc(1, sizeof(struct ent));
		if (todo[i] == NULL)
			goto nomem;
		todo[i]->rec = r;
		todo[i]->idx = i;
		todo[i]->cnt = INT_MAX;
		INIT_IV_LIST_HEAD(&todo[i]->qnode);
		INIT_IV_LIST_HEAD(&todo[i]->hnode);
		r->e[i] = todo[i];
		r->n++;
		created |= 1u << i;
		iv_list_add(&todo[i]->link, &c->list[i]);
	}

	for (i = 0; i < lim; i++) {
		struct ent *e;
		int ret;

		if (!(want & (1u << i)) || (e = todo[i]) == NULL)
			continue;
		if (action == ACTION_PEEK) {
			if (met)
				ent_disarm(c, e);
			continue;
		}
		ent_disarm(c, e);
		if (met || action == IV_NOTIFY_ACTION_POLL || none)
			continue;

		ret = ent_prepare(e, ev, ctx ? ctx->ep : NULL,
				  ctx ? ctx->tr : NULL);
		if (ret)
			return ret;
		if (e->ev.notify == SIGEV_WAKE) {
			e->w = ctx->w;
			e->wgen = ctx->wgen;
			e->wslot = ctx->wslot;
		}
		e->ext = !!ext;
		e->group = !!(req->action & IV_NOTIFY_ACTF_GROUP);
		e->armed = 1;
		if (action == IV_NOTIFY_ACTION_TRANARM) {
			e->tran = 1;
			e->cnt = 0;
			c->ntran[i]++;
		} else {
			int cnt = counts != NULL ? counts[i] : 1;

			if (req->client_counts != NULL &&
			    req->client_counts[i] > cnt)
				cnt = req->client_counts[i];
			e->cnt = cnt;
			if (armed != NULL)
				*armed = 1;
		}
		if (e->ep != NULL && !ctx->nolive) {
			e->lv = 1;
			__atomic_add_fetch(&e->ep->live, 1, __ATOMIC_ACQ_REL);
		}
		c->stats.arms++;
		lower_cache(c, i, e->cnt, e->tran);
	}

	for (i = 0; i < lim; i++)
		if ((want & (1u << i)) && todo[i] != NULL &&
		    !todo[i]->armed)
			recompute_cache(c, i);

	req->out_flags = met;
	if (met && ext)
		req->out_flags |= IV_NOTIFY_COND_EXTEN;
	if (action == IV_NOTIFY_ACTION_CONDARM && !met)
		return EAGAIN;
	return 0;

nomem:
	/* Undo the entries made by this call (the rec goes with the last). */
	for (i = 0; i < lim; i++)
		if (created & (1u << i))
			ent_free(c, r->e[i]);
	if (r != NULL && r->n == 0) {
		iv_list_del(&r->conn_link);
		free(r);
	}
	return ENOMEM;
}

IV_EXPORT int iv_notify_handle(struct iv_notify_source *src,
			       struct iv_notify_req *req, uint32_t trig,
			       const int *counts, int *armed)
{
	struct core *c = src->core;
	int ret;

	LOCK(&c->S, RK_S);
	ret = handle_locked(c, req, trig, counts, armed);
	S_UNLOCK(c);
	return ret;
}

/* ---------------------------------------------------------------- */
/* Client side. */

IV_EXPORT int iv_notify_open(struct iv_notify_conn *conn,
			     struct iv_notify_source *src)
{
	struct conn_ *cn = (struct conn_ *)conn;
	struct core *c = src->core;

	memset(conn, 0, sizeof(*conn));
	if (c == NULL)
		return EBADF;
	LOCK(&c->S, RK_S);
	if (c->dead) {
		S_UNLOCK(c);
		return EBADF;
	}
	__atomic_add_fetch(&c->refs, 1, __ATOMIC_ACQ_REL);
	S_UNLOCK(c);
	INIT_IV_LIST_HEAD(&cn->recs);
	cn->core = c;
	return 0;
}

IV_EXPORT int iv_notify_close(struct iv_notify_conn *conn)
{
	struct conn_ *cn = (struct conn_ *)conn;
	struct core *c = cn->core;
	int i;

	if (c == NULL)
		return EBADF;
	LOCK(&c->S, RK_S);
	if (cn->closed) {
		S_UNLOCK(c);
		return EBADF;
	}
	cn->closed = 1;
	while (cn->busy) {
		flush_wakes();
		pthread_cond_wait(&c->idle, &c->S);
	}
	if (!c->dead && c->ops->conn_closed != NULL) {
		S_UNLOCK(c);
		c->ops->conn_closed(c->cookie, conn);
		LOCK(&c->S, RK_S);
	} else if (!c->dead) {
		for (i = 0; i < c->nconds; i++)
			if (__atomic_load_n(&c->tmin[i], __ATOMIC_RELAXED)
			    != INT_MAX)
				trigger_locked(c, cn, INT_MAX, i,
					       IV_NOTIFY_CONDE_HUP);
	}
	remove_locked(c, cn, IV_NOTIFY_MAXCOND);
	S_UNLOCK(c);
	core_put(c);
	return 0;
}

static int validate_event(const struct iv_sigevent *ev)
{
	if (ev == NULL)
		return 0;
	switch (ev->notify) {
	case IV_SIGEV_NONE:
		return 0;
	case IV_SIGEV_SIGNAL:
	case IV_SIGEV_SIGNAL_CODE:
	case IV_SIGEV_SIGNAL_THREAD:
	case IV_SIGEV_THREAD_ID:
		if (ev->signo <= 0 || ev->signo >= NSIG)
			return EINVAL;
		if (ev->notify != IV_SIGEV_SIGNAL &&
		    (ev->code >= 0 || ev->code == SI_TKILL))
			return EINVAL;
		if (ev->notify == IV_SIGEV_THREAD_ID &&
		    syscall(SYS_tgkill, getpid(), ev->tid, 0) < 0)
			return ESRCH;
		return 0;
	case IV_SIGEV_PULSE:
	case IV_SIGEV_CALLBACK:
		if (ev->handler == NULL || !iv_inited())
			return EINVAL;
		return 0;
	case IV_SIGEV_EVENTFD:
		return ev->fd < 0 ? EINVAL : 0;
	case IV_SIGEV_THREAD:
		return ev->function == NULL ? EINVAL : 0;
	case IV_SIGEV_MEMORY:
		if (ev->addr == NULL || ev->memop < IV_SIGEV_MEM_ASSIGN ||
		    ev->memop > IV_SIGEV_MEM_BITTOGGLE)
			return EINVAL;
		return 0;
	case SIGEV_WAKE:
		return cur_ctx != NULL && cur_ctx->w != NULL ? 0 : EINVAL;
	case IV_SIGEV_UNBLOCK:
	case IV_SIGEV_INTR:
		return ENOTSUP;
	default:
		return EINVAL;
	}
}

/* The whole arm path; returns 0 or an error number, reply in req. */
static int arm_core(struct conn_ *cn, struct iv_notify_req *req,
		    struct arm_ctx *ctx)
{
	struct core *c = cn->core;
	struct arm_ctx *saved = cur_ctx;
	int ret;

	if (c == NULL)
		return EBADF;
	LOCK(&c->S, RK_S);
	if (c->dead || cn->closed) {
		S_UNLOCK(c);
		return EBADF;
	}
	c->busy++;
	cn->busy++;
	S_UNLOCK(c);

	cur_ctx = ctx;
	req->conn = (struct iv_notify_conn *)cn;
	req->out_flags = 0;
	for (;;) {
		if (c->ops->notify != NULL) {
			ret = c->ops->notify(c->cookie, req);
		} else {
			int counts[IV_NOTIFY_MAXCOND];
			int armed = c->nconds;
			uint32_t trig;
			int i;

			for (i = 0; i < IV_NOTIFY_MAXCOND; i++)
				counts[i] = 1;
			LOCK(&c->S, RK_S);
			trig = c->ops->query(c->cookie, counts);
			HOOK(1, req);
			ret = handle_locked(c, req,
					    trig | IV_NOTIFY_COND_EXTEN,
					    counts, &armed);
			S_UNLOCK(c);
		}
		if (!(req->action & IV_NOTIFY_ACTF_RECHECK) ||
		    req->out_flags != 0 ||
		    (ret != 0 && ret != EAGAIN) ||
		    (req->action & IV_NOTIFY_ACTION_MASK) ==
		    IV_NOTIFY_ACTION_POLL || (req->action & 7) == ACTION_PEEK)
			break;
		/* Re-query: disarm and report if the state moved meanwhile. */
		{
			int action = req->action;
			int r2;

			req->action = ACTION_PEEK;
			if (c->ops->notify != NULL) {
				r2 = c->ops->notify(c->cookie, req);
			} else {
				int counts[IV_NOTIFY_MAXCOND];
				int armed = c->nconds;
				uint32_t trig;

				LOCK(&c->S, RK_S);
				trig = c->ops->query(c->cookie, counts);
				r2 = handle_locked(c, req,
						   trig | IV_NOTIFY_COND_EXTEN,
						   counts, &armed);
				S_UNLOCK(c);
			}
			req->action = action;
			if (r2 == 0 && req->out_flags != 0)
				ret = 0;
		}
		break;
	}
	cur_ctx = saved;

	LOCK(&c->S, RK_S);
	c->busy--;
	cn->busy--;
	if (c->busy == 0 || cn->busy == 0)
		pthread_cond_broadcast(&c->idle);
	S_UNLOCK(c);
	return ret;
}

static int arm_common(struct conn_ *cn, struct iv_notify_req *req,
		      const void *tag, int nolive)
{
	const struct iv_sigevent *ev = req->event;
	struct arm_ctx ctx = { NULL, NULL, NULL, 0, 0, nolive };
	uint32_t flags = req->flags;
	int ret;

	if (req->action & ~(IV_NOTIFY_ACTION_MASK | IV_NOTIFY_ACTF_GROUP |
			    IV_NOTIFY_ACTF_RECHECK))
		return EINVAL;
	if ((flags & IV_NOTIFY_COND_EXTEN) &&
	    (flags & ~(IV_NOTIFY_COND_MASK | IV_NOTIFY_CONDE_MASK)))
		return EINVAL;
	ret = validate_event(ev);
	if (ret)
		return ret;
	if (ev != NULL && (ev->notify == IV_SIGEV_CALLBACK ||
			   ev->notify == IV_SIGEV_PULSE)) {
		ctx.ep = ep_get();
		if (ctx.ep == NULL)
			return ENOMEM;
		ctx.ep->arming++;
		ep_sync(ctx.ep);
		if (!ctx.ep->registered) {
			ctx.ep->arming--;
			return ENOMEM;
		}
	}
	if (ev != NULL && ev->notify == IV_SIGEV_SIGNAL_THREAD) {
		ctx.tr = tidrec_self();
		if (ctx.tr == NULL)
			return ENOMEM;
	}
	req->tag = tag;
	ret = arm_core(cn, req, &ctx);
	if (ctx.ep != NULL) {
		ctx.ep->arming--;
		ep_sync(ctx.ep);
	}
	if (ctx.tr != NULL)
		tidrec_put(ctx.tr);
	return ret;
}

IV_EXPORT int iv_notify_arm_req(struct iv_notify_conn *conn,
				struct iv_notify_req *req)
{
	int ret;

	if ((req->flags & IV_NOTIFY_COND_MASK) == 0 &&
	    !(req->flags & IV_NOTIFY_COND_EXTEN)) {
		req->out_flags = 0;
		return 0;
	}
	ret = arm_common((struct conn_ *)conn, req, NULL, 0);
	if (ret) {
		errno = ret;
		return -1;
	}
	return (int)req->out_flags;
}

IV_EXPORT int iv_notify_arm(struct iv_notify_conn *conn, int action,
			    uint32_t flags, const struct iv_sigevent *ev)
{
	struct iv_notify_req req;

	memset(&req, 0, sizeof(req));
	req.action = action;
	req.flags = flags;
	req.event = ev;
	return iv_notify_arm_req(conn, &req);
}

IV_EXPORT int iv_sigevent_from_posix(struct iv_sigevent *out,
				     const struct sigevent *in)
{
	memset(out, 0, sizeof(*out));
	out->fd = -1;
	if (in == NULL)
		return 0;
	out->value = in->sigev_value;
	out->signo = in->sigev_signo;
	switch (in->sigev_notify) {
	case SIGEV_NONE:
		out->notify = IV_SIGEV_NONE;
		break;
	case SIGEV_SIGNAL:
		out->notify = IV_SIGEV_SIGNAL;
		break;
	case SIGEV_THREAD:
		out->notify = IV_SIGEV_THREAD;
		out->function = in->sigev_notify_function;
		out->attributes = in->sigev_notify_attributes;
		break;
	case SIGEV_THREAD_ID:
		out->notify = IV_SIGEV_THREAD_ID;
		out->tid = in->_sigev_un._tid;
		out->code = SI_QUEUE;
		break;
	default:
		return EINVAL;
	}
	return 0;
}

/* Linux POLL* bits against the CONDE index bits. */
static const struct {
	uint32_t	conde;
	short		poll;
} poll_map[] = {
	{ IV_NOTIFY_CONDE_RDNORM, POLLIN | POLLRDNORM },
	{ IV_NOTIFY_CONDE_WRNORM, POLLOUT | POLLWRNORM },
	{ IV_NOTIFY_CONDE_RDBAND, POLLRDBAND },
	{ IV_NOTIFY_CONDE_PRI, POLLPRI },
	{ IV_NOTIFY_CONDE_WRBAND, POLLWRBAND },
	{ IV_NOTIFY_CONDE_ERR, POLLERR },
	{ IV_NOTIFY_CONDE_HUP, POLLHUP },
	{ IV_NOTIFY_CONDE_NVAL, POLLNVAL },
};

IV_EXPORT short iv_notify_conde_to_poll(uint32_t conde)
{
	unsigned int i;
	short r = 0;

	conde = normalise(conde);
	for (i = 0; i < sizeof(poll_map) / sizeof(poll_map[0]); i++)
		if (conde & poll_map[i].conde)
			r |= poll_map[i].poll;
	return r;
}

IV_EXPORT uint32_t iv_notify_poll_to_conde(short events)
{
	unsigned int i;
	uint32_t r = 0;

	for (i = 0; i < sizeof(poll_map) / sizeof(poll_map[0]); i++)
		if (events & poll_map[i].poll)
			r |= poll_map[i].conde;
	return r;
}

/* ---------------------------------------------------------------- */
/* Blocking poll. */

static pthread_key_t waiter_key;
static pthread_once_t waiter_once = PTHREAD_ONCE_INIT;

static void waiter_destructor(void *p)
{
	struct waiter *w = p;

	close(w->fd);
	free(w);
}

static void waiter_key_create(void)
{
	pthread_key_create(&waiter_key, waiter_destructor);
}

static struct waiter *waiter_self(void)
{
	struct waiter *w;

	pthread_once(&waiter_once, waiter_key_create);
	w = pthread_getspecific(waiter_key);
	if (w != NULL)
		return w;
	w = calloc(1, sizeof(*w));
	if (w == NULL)
		return NULL;
	w->fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (w->fd < 0) {
		free(w);
		return NULL;
	}
	pthread_setspecific(waiter_key, w);
	return w;
}

/* One pass over the set: arm (or poll) each conn; count ready ones. */
static int poll_pass(struct waiter *w, struct iv_notify_pollfd *fds,
		     unsigned int n, int action, int *err)
{
	struct iv_sigevent wake;
	int ready = 0;
	unsigned int i;

	memset(&wake, 0, sizeof(wake));
	wake.notify = SIGEV_WAKE;
	for (i = 0; i < n; i++) {
		struct conn_ *cn = (struct conn_ *)fds[i].conn;
		struct iv_notify_req req;
		struct arm_ctx ctx = { NULL, NULL, w, w->gen, (int)i, 1 };
		uint32_t got;
		int ret;

		if (cn == NULL) {
			fds[i].revents = 0;
			continue;
		}
		memset(&req, 0, sizeof(req));
		req.action = action | IV_NOTIFY_ACTF_GROUP;
		req.flags = IV_NOTIFY_COND_EXTEN |
			    iv_notify_poll_to_conde(fds[i].events) |
			    IV_NOTIFY_CONDE_ERR | IV_NOTIFY_CONDE_HUP |
			    IV_NOTIFY_CONDE_NVAL;
		req.event = action == IV_NOTIFY_ACTION_POLL ? NULL : &wake;
		req.tag = w;
		cur_ctx = &ctx;
		ret = arm_core(cn, &req, &ctx);
		cur_ctx = NULL;
		got = __atomic_load_n(&w->slots[i], __ATOMIC_ACQUIRE);
		if (ret == EBADF) {
			fds[i].revents = POLLNVAL |
				(iv_notify_conde_to_poll(got) & POLLHUP);
		} else if (ret != 0) {
			*err = ret;
			return -1;
		} else {
			fds[i].revents = iv_notify_conde_to_poll(
				req.out_flags & IV_NOTIFY_CONDE_MASK);
			fds[i].revents &= fds[i].events | POLLERR | POLLHUP |
					  POLLNVAL;
		}
		if (fds[i].revents) {
			ready++;
			action = IV_NOTIFY_ACTION_POLL;
		}
	}
	return ready;
}

IV_EXPORT int iv_notify_ppoll(struct iv_notify_pollfd *fds, unsigned int n,
			      struct pollfd *osfds, nfds_t nos,
			      const struct timespec *timeout,
			      const sigset_t *sigmask)
{
	uint32_t small[16];
	struct pollfd pfd_small[16];
	struct pollfd *pfd;
	struct waiter *w;
	int64_t deadline = 0;
	int ret = 0;
	int err = 0;
	nfds_t k;

	if (n > POLL_MAX || nos > POLL_MAX || (n && fds == NULL) ||
	    (nos && osfds == NULL)) {
		errno = EINVAL;
		return -1;
	}
	if (timeout != NULL) {
		struct timespec now;

		if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 ||
		    timeout->tv_nsec >= 1000000000) {
			errno = EINVAL;
			return -1;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		deadline = iv__ts_to_ns(&now) + iv__ts_to_ns(timeout);
	}
	w = waiter_self();
	if (w == NULL) {
		errno = ENOMEM;
		return -1;
	}
	w->slots = n <= 16 ? small : calloc(n, sizeof(uint32_t));
	pfd = nos + 1 <= 16 ? pfd_small : calloc(nos + 1, sizeof(*pfd));
	if (w->slots == NULL || pfd == NULL) {
		if (w->slots != small)
			free(w->slots);
		if (pfd != pfd_small)
			free(pfd);
		errno = ENOMEM;
		return -1;
	}

	for (;;) {
		struct timespec rel;
		int64_t left = 0;
		int osready = 0;
		uint64_t v;
		int pr;
		int r;

		memset(w->slots, 0, (n ? n : 1) * sizeof(uint32_t));
		__atomic_add_fetch(&w->gen, 1, __ATOMIC_ACQ_REL);
		if (timeout != NULL) {
			struct timespec now;

			clock_gettime(CLOCK_MONOTONIC, &now);
			left = deadline - iv__ts_to_ns(&now);
			if (left < 0)
				left = 0;
		}

		/* Arm everything; a ready conn turns the rest into polls. */
		r = poll_pass(w, fds, n, timeout != NULL && left == 0 ?
			      IV_NOTIFY_ACTION_POLL : IV_NOTIFY_ACTION_POLLARM,
			      &err);
		if (r < 0)
			break;
		if (r > 0 || (timeout != NULL && left == 0)) {
			if (r > 0)
				r = poll_pass(w, fds, n,
					      IV_NOTIFY_ACTION_POLL, &err);
			if (r < 0)
				break;
			if (nos) {
				int o = poll(osfds, nos, 0);

				if (o > 0)
					r += o;
			}
			if (r > 0 || (timeout != NULL && left == 0)) {
				ret = r;
				goto out;
			}
			continue;
		}

		for (k = 0; k < nos; k++)
			pfd[k] = osfds[k];
		pfd[nos].fd = w->fd;
		pfd[nos].events = POLLIN;
		pfd[nos].revents = 0;
		HOOK(4, w);
		rel.tv_sec = left / 1000000000;
		rel.tv_nsec = left % 1000000000;
		pr = ppoll(pfd, nos + 1, timeout != NULL ? &rel : NULL,
			   sigmask);
		if (pr < 0) {
			err = errno;
			poll_pass(w, fds, n, IV_NOTIFY_ACTION_POLL, &err);
			errno = err;
			ret = -1;
			goto out_err;
		}
		if (read(w->fd, &v, sizeof(v)) < 0) {
			/* nothing was delivered */
		}
		for (k = 0; k < nos; k++) {
			osfds[k].revents = pfd[k].revents;
			if (pfd[k].revents)
				osready++;
		}

		/* The final pass disarms and collects every ready conn. */
		r = poll_pass(w, fds, n, IV_NOTIFY_ACTION_POLL, &err);
		if (r < 0)
			break;
		if (r + osready > 0) {
			ret = r + osready;
			goto out;
		}
		if (timeout != NULL && pr == 0) {
			ret = 0;
			goto out;
		}
	}
	/* ENOMEM from an arm: drop what was armed. */
	poll_pass(w, fds, n, IV_NOTIFY_ACTION_POLL, &err);
	errno = err ? err : ENOMEM;
	ret = -1;
	goto out_err;
out:
	__atomic_add_fetch(&w->gen, 1, __ATOMIC_ACQ_REL);
out_err:
	if (w->slots != small)
		free(w->slots);
	w->slots = NULL;
	if (pfd != pfd_small)
		free(pfd);
	return ret;
}

IV_EXPORT int iv_notify_poll(struct iv_notify_pollfd *fds, unsigned int n,
			     const struct timespec *timeout)
{
	return iv_notify_ppoll(fds, n, NULL, 0, timeout, NULL);
}

/* ---------------------------------------------------------------- */
/* The watcher. */

static void watch_callback(void *cookie, uint32_t conds, union sigval v);

static uint32_t watch_interest(const struct iv_notify_watch *w)
{
	uint32_t f = IV_NOTIFY_COND_EXTEN;

	if (w->handler_in != NULL)
		f |= IV_NOTIFY_CONDE_RDNORM;
	if (w->handler_out != NULL)
		f |= IV_NOTIFY_CONDE_WRNORM;
	if (w->handler_pri != NULL)
		f |= IV_NOTIFY_CONDE_RDBAND | IV_NOTIFY_CONDE_PRI;
	if (w->handler_err != NULL)
		f |= IV_NOTIFY_CONDE_ERR | IV_NOTIFY_CONDE_HUP |
		     IV_NOTIFY_CONDE_NVAL;
	return f;
}

static int watch_arm(struct iv_notify_watch *w, int action, uint32_t flags,
		     uint32_t *out)
{
	struct iv_sigevent ev;
	struct iv_notify_req req;
	int ret;

	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_CALLBACK;
	ev.handler = watch_callback;
	ev.cookie = w;
	memset(&req, 0, sizeof(req));
	req.action = action | IV_NOTIFY_ACTF_GROUP;
	req.flags = flags;
	req.event = action == IV_NOTIFY_ACTION_POLL ? NULL : &ev;
	ret = arm_common((struct conn_ *)w->conn, &req, w, 1);
	*out = req.out_flags;
	return ret;
}

/* Re-arm; a condition that already holds runs the task next iteration. */
static void watch_rearm(struct iv_notify_watch *w)
{
	uint32_t got = 0;
	int ret;

	ret = watch_arm(w, IV_NOTIFY_ACTION_POLLARM, watch_interest(w), &got);
	if ((ret == 0 && got != 0) || (ret != 0 && w->handler_err != NULL)) {
		if (!iv_task_registered(&w->task))
			iv_task_register(&w->task);
	}
}

static void watch_run(struct iv_notify_watch *w)
{
	uint32_t got = 0;
	int gone = 0;
	int ret;

	if (iv_task_registered(&w->task))
		iv_task_unregister(&w->task);
	ret = watch_arm(w, IV_NOTIFY_ACTION_POLL, watch_interest(w), &got);
	if (ret != 0)
		got = IV_NOTIFY_CONDE_NVAL | IV_NOTIFY_CONDE_HUP;
	w->freed = &gone;
	if ((got & (IV_NOTIFY_CONDE_ERR | IV_NOTIFY_CONDE_HUP |
		    IV_NOTIFY_CONDE_NVAL)) && w->handler_err != NULL) {
		w->handler_err(w->cookie);
		if (gone || !w->registered)
			goto done;
	}
	if ((got & IV_NOTIFY_CONDE_RDNORM) && w->handler_in != NULL) {
		w->handler_in(w->cookie);
		if (gone || !w->registered)
			goto done;
	}
	if ((got & IV_NOTIFY_CONDE_WRNORM) && w->handler_out != NULL) {
		w->handler_out(w->cookie);
		if (gone || !w->registered)
			goto done;
	}
	if ((got & (IV_NOTIFY_CONDE_RDBAND | IV_NOTIFY_CONDE_PRI)) &&
	    w->handler_pri != NULL) {
		w->handler_pri(w->cookie);
		if (gone || !w->registered)
			goto done;
	}
	HOOK(2, w);
	w->freed = NULL;
	watch_rearm(w);
	return;
done:
	if (!gone)
		w->freed = NULL;
}

static void watch_callback(void *cookie, uint32_t conds, union sigval v)
{
	watch_run(cookie);
}

static void watch_task(void *cookie)
{
	watch_run(cookie);
}

IV_EXPORT int iv_notify_watch_register(struct iv_notify_watch *w)
{
	struct conn_ *cn;
	struct ep *ep;

	if (!iv_inited() || w->conn == NULL)
		return EINVAL;
	if (w->registered == 1)
		iv_fatal("%s: called with watch which is still registered",
			 __func__);
	cn = (struct conn_ *)w->conn;
	if (cn->core == NULL || cn->closed)
		return EBADF;
	ep = ep_get();
	if (ep == NULL)
		return ENOMEM;
	ep->nwatch++;
	ep_sync(ep);
	if (!ep->registered) {
		ep->nwatch--;
		return ENOMEM;
	}
	w->registered = 1;
	w->in_handler = 0;
	w->freed = NULL;
	w->owner = iv_get_thread_id();
	IV_TASK_INIT(&w->task);
	w->task.cookie = w;
	w->task.handler = watch_task;
	watch_rearm(w);
	return 0;
}

static void watch_check(const struct iv_notify_watch *w, const char *func)
{
	if (w->registered != 1)
		iv_fatal("%s: called with watch which is not registered",
			 func);
	if (w->owner != iv_get_thread_id())
		iv_fatal("%s: called from a thread that does not own the "
			 "watch", func);
}

IV_EXPORT void iv_notify_watch_unregister(struct iv_notify_watch *w)
{
	struct conn_ *cn = (struct conn_ *)w->conn;
	struct core *c = cn->core;

	watch_check(w, __func__);
	if (c != NULL) {
		struct rec *r;
		int i;

		LOCK(&c->S, RK_S);
		r = rec_find(cn, w);
		if (r != NULL) {
			for (i = 0; i < IV_NOTIFY_MAXCOND; i++) {
				struct ent *e = r->e[i];

				if (e == NULL)
					continue;
				if (r->n == 1) {
					ent_free(c, e);
					break;
				}
				ent_free(c, e);
			}
		}
		S_UNLOCK(c);
	}
	if (iv_task_registered(&w->task))
		iv_task_unregister(&w->task);
	{
		struct ep **pp = iv_tls_user_ptr(&ep_tls);

		if (*pp != NULL) {
			ep_drop_orphans(*pp, w);
			(*pp)->nwatch--;
			ep_sync(*pp);
		}
	}
	if (w->freed != NULL)
		*w->freed = 1;
	w->freed = NULL;
	w->registered = 0;
}

IV_EXPORT int iv_notify_watch_registered(const struct iv_notify_watch *w)
{
	return w->registered == 1;
}

static void watch_set(struct iv_notify_watch *w, void (**slot)(void *),
		      void (*h)(void *), const char *func)
{
	watch_check(w, func);
	if (*slot == h)
		return;
	*slot = h;
	if (w->freed == NULL)
		watch_rearm(w);
}

IV_EXPORT void iv_notify_watch_set_handler_in(struct iv_notify_watch *w,
					      void (*h)(void *))
{
	watch_set(w, &w->handler_in, h, __func__);
}

IV_EXPORT void iv_notify_watch_set_handler_out(struct iv_notify_watch *w,
					       void (*h)(void *))
{
	watch_set(w, &w->handler_out, h, __func__);
}

IV_EXPORT void iv_notify_watch_set_handler_err(struct iv_notify_watch *w,
					       void (*h)(void *))
{
	watch_set(w, &w->handler_err, h, __func__);
}

IV_EXPORT void iv_notify_watch_set_handler_pri(struct iv_notify_watch *w,
					       void (*h)(void *))
{
	watch_set(w, &w->handler_pri, h, __func__);
}

IV_EXPORT void iv_notify_atfork_child(void)
{
	/*
	 * Deliveries of this process's sources follow the entries, and
	 * the entries of callback, thread and poll kinds name threads that
	 * do not exist in the child: the child must not trigger such a
	 * source, but may destroy it; endpoints of the parent are marked
	 * dead when the child runs iv_deinit() in its only thread.
	 */
	pthread_mutex_init(&H, NULL);
	INIT_IV_LIST_HEAD(&H_queue);
	H_started = 0;
}
