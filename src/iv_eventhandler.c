/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_eventhandler: handler lists, snapshots, both read paths, waiting. */

/*
 * How it fits together.
 *
 * 1. A list publishes an immutable, sorted snapshot (array of entries)
 *    through one pointer.  Writers serialise on the list mutex, build a
 *    new snapshot, publish it and retire the old one.  Readers never lock.
 * 2. Every thread that invokes owns a record: a stack of frames, one per
 *    nesting level, each naming the snapshot and the entry it is running.
 *    Frames live on the heap so that a thread leaving a handler through
 *    pthread_exit() can be cleaned up by its key destructor.
 * 3. Slot read path (default): a reader announces the snapshot and the
 *    entry in its frame with plain stores, then checks.  A writer stores
 *    first (dead flag, new snapshot), then runs membarrier() so that every
 *    reader's earlier stores are visible, then scans the frames.  Either
 *    the reader sees the writer's store or the writer sees the reader's
 *    frame.  Without membarrier the same works with SC stores and fences.
 * 4. Portable read path: snapshots are pinned with a reference count and
 *    entries with an in-flight counter; frames only serve to tell a
 *    thread's own calls apart from other threads' calls.
 * 5. The waiting deregister polls with back-off until no other thread runs
 *    the entry.  A poll cannot miss a wake-up, and waits happen only when
 *    the handler is really running elsewhere.
 * 6. Snapshot headers and entries are recycled through pools and never
 *    returned to malloc before iv_eventhandler_shutdown(): a portable
 *    reader may touch a header that was just retired, and a double
 *    deregister can be recognised.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <iv_eventhandler.h>
#include "iv_private.h"

#define FRAMES_PER_CHUNK	IV_EVENTHANDLER__FAST_FRAMES
#define NBUCKETS		64

struct chunk {
	struct chunk			*next;		/* atomic */
	struct iv_eventhandler_frame	f[FRAMES_PER_CHUNK];
};

/* pub comes first: the inline invoke path sees only that part. */
struct rec {
	struct iv_eventhandler__thread	pub;
	struct rec			*next;
	struct rec			*prev;
	struct chunk			first;
};

IV_EXPORT struct iv_eventhandler_test_hooks *iv_eventhandler__hooks;
IV_EXPORT unsigned long iv_eventhandler__gen = 1;

static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t gc_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct iv_eventhandler_list *buckets[NBUCKETS];
static struct rec records = { { 0, 0, NULL }, &records, &records,
			       { NULL, { { 0 } } } };
static struct iv_eventhandler_snap *retired;		/* gc_lock */
static unsigned long nretired;				/* gc_lock */
static struct iv_eventhandler_snap *snap_pool;		/* pool_lock */
static struct iv_eventhandler_snap *all_snaps;		/* pool_lock */
static struct iv_eventhandler_entry *entry_pool;	/* pool_lock */
static unsigned long token_counter = 1;
static unsigned long fence_word;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t rec_key;
static unsigned int read_kind = IV_EVENTHANDLER__KIND_PORTABLE;
IV_EXPORT __thread struct iv_eventhandler__thread *iv_eventhandler__self
	__attribute__((tls_model("initial-exec")));
#define my_rec	((struct rec *)iv_eventhandler__self)

/* Snapshot pins of this thread held in a pin's fallback frame (no
 * record): invisible to the fork-time recount, which then stands back. */
static __thread unsigned int own_pins;

static void rec_destroy(void *arg);
static void atfork_prepare(void);
static void atfork_parent(void);
static void atfork_child(void);

/* The test hook that makes the nth allocation fail. */
static int fail_now(void)
{
	struct iv_eventhandler_test_hooks *h = iv_eventhandler__hooks;

	return h != NULL && h->fail_alloc_at >= 0 &&
	       __atomic_fetch_add(&h->allocs, 1, __ATOMIC_RELAXED) ==
	       h->fail_alloc_at;
}

static void *eh_malloc(size_t size)
{
	return fail_now() ? NULL : malloc(size);
}

static int env_set(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != 0 && strcmp(v, "0") != 0;
}

static void init_once(void)
{
	unsigned int kind = IV_EVENTHANDLER__KIND_FENCE;

	pthread_key_create(&rec_key, rec_destroy);
	pthread_atfork(atfork_prepare, atfork_parent, atfork_child);

#if defined(__SANITIZE_THREAD__)
	/* ThreadSanitizer cannot see the fence membarrier() provides. */
	kind = IV_EVENTHANDLER__KIND_SC;
#endif
	if (env_set("IV_EVENTHANDLER_PORTABLE"))
		kind = IV_EVENTHANDLER__KIND_PORTABLE;
	if (kind == IV_EVENTHANDLER__KIND_FENCE &&
	    (env_set("IV_EVENTHANDLER_NO_MEMBARRIER") ||
	     syscall(SYS_membarrier,
		     MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) != 0))
		kind = IV_EVENTHANDLER__KIND_SC;
	read_kind = kind;
}

static inline void init(void)
{
	pthread_once(&once, init_once);
}

IV_EXPORT const char *iv_eventhandler_read_path(void)
{
	init();
	switch (read_kind) {
	case IV_EVENTHANDLER__KIND_FENCE:
		return "slots-membarrier";
	case IV_EVENTHANDLER__KIND_SC:
		return "slots-sc";
	default:
		return "portable";
	}
}

/* The writer's half of the asymmetric fence. */
static void heavy_fence(void)
{
	if (read_kind == IV_EVENTHANDLER__KIND_FENCE &&
	    syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) == 0)
		return;
	/* A full fence (a seq_cst RMW: ThreadSanitizer rejects fences). */
	__atomic_fetch_add(&fence_word, 0, __ATOMIC_SEQ_CST);
}

/* Entries. */
static struct iv_eventhandler_entry *entry_alloc(void)
{
	struct iv_eventhandler_entry *e;

	if (fail_now())
		return NULL;
	pthread_mutex_lock(&pool_lock);
	e = entry_pool;
	if (e != NULL)
		entry_pool = e->next;
	pthread_mutex_unlock(&pool_lock);
	if (e == NULL) {
		e = malloc(sizeof(*e));
		if (e == NULL)
			return NULL;
		memset(e, 0, sizeof(*e));
	}
	return e;
}

void iv_eventhandler__mailbox_put(struct iv_eventhandler_mailbox *mb);
void iv_eventhandler__local_gone(struct iv_eventhandler_entry *e);
void iv_eventhandler__local_link(struct iv_eventhandler_mailbox *mb,
				 struct iv_eventhandler_entry *e);

static void entry_put(struct iv_eventhandler_entry *e)
{
	if (__atomic_sub_fetch(&e->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	if (e->local != NULL)
		iv_eventhandler__local_gone(e);
	e->local = NULL;
	__atomic_store_n(&e->state, 0, __ATOMIC_RELEASE);
	pthread_mutex_lock(&pool_lock);
	e->next = entry_pool;
	entry_pool = e;
	pthread_mutex_unlock(&pool_lock);
}

void iv_eventhandler__entry_get(struct iv_eventhandler_entry *e);
void iv_eventhandler__entry_get(struct iv_eventhandler_entry *e)
{
	__atomic_add_fetch(&e->refs, 1, __ATOMIC_RELAXED);
}

void iv_eventhandler__entry_put(struct iv_eventhandler_entry *e);
void iv_eventhandler__entry_put(struct iv_eventhandler_entry *e)
{
	entry_put(e);
}

/* Snapshots. */
static struct iv_eventhandler_snap *snap_alloc(unsigned int n)
{
	struct iv_eventhandler_snap *s;
	struct iv_eventhandler_entry **ents;

	ents = eh_malloc(n * sizeof(*ents));
	if (ents == NULL)
		return NULL;
	pthread_mutex_lock(&pool_lock);
	s = snap_pool;
	if (s != NULL)
		snap_pool = s->next;
	pthread_mutex_unlock(&pool_lock);
	if (s == NULL) {
		s = eh_malloc(sizeof(*s));
		if (s == NULL) {
			free(ents);
			return NULL;
		}
		__atomic_store_n(&s->refs, 0, __ATOMIC_RELAXED);
		pthread_mutex_lock(&pool_lock);
		s->all = all_snaps;
		all_snaps = s;
		pthread_mutex_unlock(&pool_lock);
	}
	s->ents = ents;
	s->n = 0;
	s->next = NULL;
	return s;
}

static void snap_free(struct iv_eventhandler_snap *s)
{
	unsigned int i;

	for (i = 0; i < s->n; i++)
		entry_put(s->ents[i]);
	free(s->ents);
	s->ents = NULL;
	s->n = 0;
	pthread_mutex_lock(&pool_lock);
	s->next = snap_pool;
	snap_pool = s;
	pthread_mutex_unlock(&pool_lock);
}

/* Only portable pins and the writer's own extra pins use this. */
static int snap_tryget(struct iv_eventhandler_snap *s)
{
	unsigned long r = __atomic_load_n(&s->refs, __ATOMIC_RELAXED);

	do {
		if (r == 0)
			return 0;
	} while (!__atomic_compare_exchange_n(&s->refs, &r, r + 1, 1,
					      __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	return 1;
}

static void snap_put(struct iv_eventhandler_snap *s)
{
	if (__atomic_sub_fetch(&s->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	if (read_kind == IV_EVENTHANDLER__KIND_PORTABLE) {
		snap_free(s);
		return;
	}
	pthread_mutex_lock(&gc_lock);
	s->next = retired;
	retired = s;
	nretired++;
	pthread_mutex_unlock(&gc_lock);
}

static struct iv_eventhandler_frame *frame_at(struct rec *r, unsigned int i)
{
	struct chunk *c = &r->first;

	while (i >= FRAMES_PER_CHUNK) {
		c = c->next;
		i -= FRAMES_PER_CHUNK;
	}
	return &c->f[i];
}

/* Frees retired snapshots that no frame names.  gc_lock held. */
static void reclaim_locked(void)
{
	struct iv_eventhandler_snap **pp = &retired;
	struct iv_eventhandler_snap *s;

	while ((s = *pp) != NULL) {
		struct rec *r;
		int used = 0;

		for (r = records.next; r != &records && !used; r = r->next) {
			struct chunk *c;

			for (c = &r->first; c != NULL && !used;
			     c = __atomic_load_n(&c->next, __ATOMIC_ACQUIRE)) {
				int i;

				for (i = 0; i < FRAMES_PER_CHUNK; i++) {
					if (__atomic_load_n(&c->f[i].snap,
							    __ATOMIC_SEQ_CST) == s) {
						used = 1;
						break;
					}
				}
			}
		}
		if (used) {
			pp = &s->next;
			continue;
		}
		*pp = s->next;
		nretired--;
		snap_free(s);
	}
}

/* After a publication: fence, then free what no reader can see. */
static void reclaim(int fenced)
{
	if (read_kind == IV_EVENTHANDLER__KIND_PORTABLE)
		return;
	if (!fenced)
		heavy_fence();
	pthread_mutex_lock(&gc_lock);
	reclaim_locked();
	pthread_mutex_unlock(&gc_lock);
}

/* Per-thread records. */
static struct rec *rec_create(void)
{
	struct rec *r;
	int i;

	init();
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return NULL;
	r->pub.kind = read_kind;
	r->pub.frames = r->first.f;
	for (i = 0; i < FRAMES_PER_CHUNK; i++)
		r->first.f[i].kind = read_kind;
	pthread_mutex_lock(&gc_lock);
	r->next = records.next;
	r->prev = &records;
	records.next->prev = r;
	records.next = r;
	pthread_mutex_unlock(&gc_lock);
	pthread_setspecific(rec_key, r);
	iv_eventhandler__self = &r->pub;
	return r;
}

static struct iv_eventhandler_frame *rec_push(struct rec *r)
{
	unsigned int d = r->pub.depth;

	if (d >= FRAMES_PER_CHUNK && d % FRAMES_PER_CHUNK == 0) {
		struct chunk *c = &r->first;
		unsigned int i;

		for (i = FRAMES_PER_CHUNK; i < d; i += FRAMES_PER_CHUNK)
			c = c->next;
		if (c->next == NULL) {
			struct chunk *nc = calloc(1, sizeof(*nc));

			if (nc == NULL)
				return NULL;
			__atomic_store_n(&c->next, nc, __ATOMIC_RELEASE);
		}
	}
	r->pub.depth = d + 1;
	return frame_at(r, d);
}

/* Drops what a vanished thread's frames still hold. */
static void rec_release_frames(struct rec *r)
{
	unsigned int i;

	for (i = 0; i < r->pub.depth; i++) {
		struct iv_eventhandler_frame *f = frame_at(r, i);
		struct iv_eventhandler_entry *e;
		struct iv_eventhandler_snap *s;

		e = __atomic_load_n(&f->ent, __ATOMIC_RELAXED);
		s = __atomic_load_n(&f->snap, __ATOMIC_RELAXED);
		__atomic_store_n(&f->ent, NULL, __ATOMIC_RELEASE);
		__atomic_store_n(&f->snap, NULL, __ATOMIC_RELEASE);
		if (f->kind != IV_EVENTHANDLER__KIND_PORTABLE)
			continue;
		if (e != NULL)
			__atomic_fetch_sub(&e->inflight, 1, __ATOMIC_RELEASE);
		if (s != NULL)
			snap_put(s);
	}
	r->pub.depth = 0;
}

static void rec_free_chunks(struct rec *r)
{
	struct chunk *c = r->first.next;

	while (c != NULL) {
		struct chunk *n = c->next;

		free(c);
		c = n;
	}
}

static void rec_destroy(void *arg)
{
	struct rec *r = arg;

	rec_release_frames(r);
	pthread_mutex_lock(&gc_lock);
	r->prev->next = r->next;
	r->next->prev = r->prev;
	pthread_mutex_unlock(&gc_lock);
	if (my_rec == r)
		iv_eventhandler__self = NULL;
	rec_free_chunks(r);
	free(r);
	reclaim(0);
}

/* Read side. */
IV_EXPORT void iv_eventhandler__begin(struct iv_eventhandler_list *list,
				      struct iv_eventhandler_pin *p)
{
	struct rec *r = my_rec;
	struct iv_eventhandler_frame *f = NULL;
	struct iv_eventhandler_snap *s;
	unsigned int kind;

	if (unlikely(r == NULL))
		r = rec_create();
	if (likely(r != NULL))
		f = rec_push(r);
	kind = read_kind;
	if (unlikely(f == NULL)) {
		f = &p->own;
		kind = IV_EVENTHANDLER__KIND_PORTABLE;
	}
	f->kind = kind;
	__atomic_store_n(&f->ent, NULL, __ATOMIC_RELAXED);
	p->f = f;
	p->kind = kind;

	for (;;) {
		s = __atomic_load_n(&list->snap, __ATOMIC_ACQUIRE);
		if (s == NULL)
			break;
		if (kind == IV_EVENTHANDLER__KIND_PORTABLE) {
			if (!snap_tryget(s))
				continue;
			if (unlikely(iv_eventhandler__hooks != NULL) &&
			    iv_eventhandler__hooks->after_snap_get != NULL)
				iv_eventhandler__hooks->after_snap_get(list);
			if (__atomic_load_n(&list->snap, __ATOMIC_SEQ_CST) == s) {
				__atomic_store_n(&f->snap, s, __ATOMIC_RELAXED);
				break;
			}
			snap_put(s);
			continue;
		}
		if (kind == IV_EVENTHANDLER__KIND_SC) {
			__atomic_store_n(&f->snap, s, __ATOMIC_SEQ_CST);
			if (__atomic_load_n(&list->snap, __ATOMIC_SEQ_CST) == s)
				break;
		} else {
			__atomic_store_n(&f->snap, s, __ATOMIC_RELAXED);
			__atomic_signal_fence(__ATOMIC_SEQ_CST);
			if (__atomic_load_n(&list->snap, __ATOMIC_ACQUIRE) == s)
				break;
		}
	}
	p->s = s;
	if (s != NULL) {
		p->n = s->n;
		p->ents = s->ents;
		if (f == &p->own)
			own_pins++;
	} else {
		__atomic_store_n(&f->snap, NULL, __ATOMIC_RELEASE);
		p->n = 0;
		p->ents = NULL;
	}
	if (unlikely(iv_eventhandler__hooks != NULL) &&
	    iv_eventhandler__hooks->after_pin != NULL)
		iv_eventhandler__hooks->after_pin(list);
}

IV_EXPORT void iv_eventhandler__end(struct iv_eventhandler_pin *p)
{
	struct iv_eventhandler_frame *f = p->f;

	__atomic_store_n(&f->snap, NULL, __ATOMIC_RELEASE);
	if (p->kind == IV_EVENTHANDLER__KIND_PORTABLE && p->s != NULL)
		snap_put(p->s);
	if (f != &p->own)
		my_rec->pub.depth--;
	else if (p->s != NULL)
		own_pins--;
}

/* A frame for a single call outside any snapshot (message delivery). */
void iv_eventhandler__frame_push(struct iv_eventhandler_pin *p);
void iv_eventhandler__frame_push(struct iv_eventhandler_pin *p)
{
	struct rec *r = my_rec;
	struct iv_eventhandler_frame *f = NULL;

	if (r == NULL)
		r = rec_create();
	if (r != NULL)
		f = rec_push(r);
	p->kind = read_kind;
	if (f == NULL) {
		f = &p->own;
		p->kind = IV_EVENTHANDLER__KIND_PORTABLE;
	}
	f->kind = p->kind;
	__atomic_store_n(&f->snap, NULL, __ATOMIC_RELAXED);
	__atomic_store_n(&f->ent, NULL, __ATOMIC_RELAXED);
	p->f = f;
	p->s = NULL;
	p->n = 0;
	p->ents = NULL;
}

/* Waiting. */
static unsigned long own_frames(struct iv_eventhandler_entry *e, int portable)
{
	struct rec *r = my_rec;
	unsigned long n = 0;
	unsigned int i;

	if (r == NULL)
		return 0;
	for (i = 0; i < r->pub.depth; i++) {
		struct iv_eventhandler_frame *f = frame_at(r, i);

		if ((f->kind == IV_EVENTHANDLER__KIND_PORTABLE) == portable &&
		    __atomic_load_n(&f->ent, __ATOMIC_RELAXED) == e)
			n++;
	}
	return n;
}

static unsigned long foreign_slots(struct iv_eventhandler_entry *e)
{
	unsigned long n = 0;
	struct rec *r;

	if (read_kind == IV_EVENTHANDLER__KIND_PORTABLE)
		return 0;
	pthread_mutex_lock(&gc_lock);
	for (r = records.next; r != &records; r = r->next) {
		struct chunk *c;

		if (r == my_rec)
			continue;
		for (c = &r->first; c != NULL;
		     c = __atomic_load_n(&c->next, __ATOMIC_ACQUIRE)) {
			int i;

			for (i = 0; i < FRAMES_PER_CHUNK; i++)
				if (__atomic_load_n(&c->f[i].ent,
						    __ATOMIC_SEQ_CST) == e)
					n++;
		}
	}
	pthread_mutex_unlock(&gc_lock);
	return n;
}

/* Wait until no other thread runs e.  The fence after dead is done. */
static void wait_for(struct iv_eventhandler_entry *e)
{
	struct iv_eventhandler_test_hooks *h = iv_eventhandler__hooks;
	unsigned long delay = 1000;
	int spins = 0;

	if (h != NULL && h->before_wait != NULL)
		h->before_wait(e);
	for (;;) {
		unsigned long own_a = own_frames(e, 1);
		unsigned long infl;
		unsigned long foreign;

		infl = __atomic_load_n(&e->inflight, __ATOMIC_SEQ_CST);
		foreign = (infl > own_a ? infl - own_a : 0) +
			  foreign_slots(e);
		if (h != NULL && h->after_scan != NULL)
			h->after_scan(e, foreign);
		if (foreign == 0)
			break;
		if (spins < 50) {
			spins++;
			sched_yield();
		} else {
			struct timespec ts = { 0, (long)delay };

			nanosleep(&ts, NULL);
			if (delay < 1000000)
				delay *= 2;
		}
	}
}

/* Name registry. */
static unsigned int hash(const char *name)
{
	unsigned int h = 2166136261u;

	while (*name)
		h = (h ^ (unsigned char)*name++) * 16777619u;
	return h % NBUCKETS;
}

static struct iv_eventhandler_list *lookup_locked(const char *name)
{
	struct iv_eventhandler_list *l;

	for (l = buckets[hash(name)]; l != NULL; l = l->hnext)
		if (strcmp(l->name, name) == 0)
			return l;
	return NULL;
}

static void insert_locked(struct iv_eventhandler_list *l)
{
	unsigned int b = hash(l->name);

	l->hnext = buckets[b];
	buckets[b] = l;
	__atomic_add_fetch(&iv_eventhandler__gen, 1, __ATOMIC_RELEASE);
}

static inline struct iv_eventhandler_list *
canon(struct iv_eventhandler_list *l)
{
	return l->canon != NULL ? l->canon : l;
}

IV_EXPORT struct iv_eventhandler_list *iv_eventhandler_find_list(const char *name)
{
	struct iv_eventhandler_list *l;

	if (name == NULL)
		return NULL;
	pthread_mutex_lock(&names_lock);
	l = lookup_locked(name);
	pthread_mutex_unlock(&names_lock);
	return l;
}

IV_EXPORT struct iv_eventhandler_list *
iv_eventhandler__lookup(struct iv_eventhandler_cache *c, const char *name)
{
	struct iv_eventhandler_list *l;
	unsigned long gen;

	pthread_mutex_lock(&names_lock);
	gen = __atomic_load_n(&iv_eventhandler__gen, __ATOMIC_RELAXED);
	l = lookup_locked(name);
	pthread_mutex_unlock(&names_lock);
	if (l != NULL)
		__atomic_store_n(&c->list, l, __ATOMIC_RELEASE);
	else
		__atomic_store_n(&c->gen, gen, __ATOMIC_RELAXED);
	return l;
}

IV_EXPORT struct iv_eventhandler_list *
iv_eventhandler_create_list(const char *name)
{
	struct iv_eventhandler_list *l, *nl;
	size_t len;

	if (name == NULL || *name == 0) {
		errno = EINVAL;
		return NULL;
	}
	l = iv_eventhandler_find_list(name);
	if (l != NULL)
		return l;

	init();
	len = strlen(name);
	nl = eh_malloc(sizeof(*nl) + len + 1);
	if (nl == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	memset(nl, 0, sizeof(*nl));
	memcpy(nl + 1, name, len + 1);
	nl->name = (const char *)(nl + 1);
	pthread_mutex_init(&nl->lock, NULL);

	pthread_mutex_lock(&names_lock);
	l = lookup_locked(name);
	if (l == NULL) {
		insert_locked(nl);
		l = nl;
		nl = NULL;
	}
	pthread_mutex_unlock(&names_lock);
	if (nl != NULL) {
		pthread_mutex_destroy(&nl->lock);
		free(nl);
	}
	return l;
}

/* Publishes s (may be NULL) on l and its mirrors.  l->lock held. */
static void publish(struct iv_eventhandler_list *l,
		    struct iv_eventhandler_snap *s)
{
	struct iv_eventhandler_list *f;
	unsigned long fields = 1;

	for (f = l->mirrors; f != NULL; f = f->next_mirror)
		fields++;
	if (s != NULL)
		__atomic_store_n(&s->refs, fields, __ATOMIC_RELAXED);
	for (f = l; f != NULL; f = (f == l ? l->mirrors : f->next_mirror)) {
		struct iv_eventhandler_snap *old;

		old = __atomic_exchange_n(&f->snap, s, __ATOMIC_SEQ_CST);
		if (old != NULL)
			snap_put(old);
	}
}

/* Copies the live entries of l's snapshot into s, maybe adding e. */
static void build(struct iv_eventhandler_list *l,
		  struct iv_eventhandler_snap *s,
		  struct iv_eventhandler_entry *skip,
		  struct iv_eventhandler_entry *add)
{
	struct iv_eventhandler_snap *cur = l->snap;
	unsigned int i, n = 0;
	int added = add == NULL;

	for (i = 0; cur != NULL && i < cur->n; i++) {
		struct iv_eventhandler_entry *x = cur->ents[i];

		if (x == skip || __atomic_load_n(&x->dead, __ATOMIC_RELAXED))
			continue;
		if (!added && x->priority > add->priority) {
			s->ents[n++] = add;
			added = 1;
		}
		__atomic_add_fetch(&x->refs, 1, __ATOMIC_RELAXED);
		s->ents[n++] = x;
	}
	if (!added)
		s->ents[n++] = add;
	if (add != NULL)
		__atomic_add_fetch(&add->refs, 1, __ATOMIC_RELAXED);
	s->n = n;
}

static unsigned int snap_len(struct iv_eventhandler_list *l)
{
	return l->snap != NULL ? l->snap->n : 0;
}

static iv_eventhandler_tag do_register(struct iv_eventhandler_list *list,
				       const char *name,
				       iv_eventhandler_fn func, void *arg,
				       int priority,
				       struct iv_eventhandler_mailbox *local)
{
	struct iv_eventhandler_entry *e;
	struct iv_eventhandler_snap *s;
	struct iv_eventhandler_list *l;
	unsigned int n;

	if (func == NULL || (list == NULL && name == NULL)) {
		if (local != NULL)
			iv_eventhandler__mailbox_put(local);
		errno = EINVAL;
		return NULL;
	}
	init();
	if (list != NULL) {
		if ((list->flags & IV_EVENTHANDLER__STATIC) &&
		    list->canon == NULL)
			iv_eventhandler__attach(list);
		l = canon(list);
	} else {
		l = iv_eventhandler_create_list(name);
		if (l == NULL) {
			if (local != NULL)
				iv_eventhandler__mailbox_put(local);
			return NULL;
		}
	}

	e = entry_alloc();
	if (e == NULL) {
		if (local != NULL)
			iv_eventhandler__mailbox_put(local);
		errno = ENOMEM;
		return NULL;
	}
	e->func = func;
	e->arg = arg;
	e->priority = priority;
	e->list = l;
	e->local = local;
	e->next = e->prev = NULL;
	if (local != NULL)
		iv_eventhandler__local_link(local, e);
	__atomic_store_n(&e->dead, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&e->inflight, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&e->refs, 1, __ATOMIC_RELAXED);

	pthread_mutex_lock(&l->lock);
	n = snap_len(l);
	s = snap_alloc(n + 1);
	if (s == NULL) {
		pthread_mutex_unlock(&l->lock);
		entry_put(e);
		errno = ENOMEM;
		return NULL;
	}
	e->seq = ++l->seq;
	__atomic_store_n(&e->state, 1, __ATOMIC_RELEASE);
	build(l, s, NULL, e);
	publish(l, s);
	reclaim(0);
	pthread_mutex_unlock(&l->lock);
	return e;
}

IV_EXPORT iv_eventhandler_tag
iv_eventhandler_register(struct iv_eventhandler_list *list, const char *name,
			 iv_eventhandler_fn func, void *arg, int priority)
{
	return do_register(list, name, func, arg, priority, NULL);
}

iv_eventhandler_tag iv_eventhandler__register_mb(
	struct iv_eventhandler_list *list, const char *name,
	iv_eventhandler_fn func, void *arg, int priority,
	struct iv_eventhandler_mailbox *mb);
iv_eventhandler_tag iv_eventhandler__register_mb(
	struct iv_eventhandler_list *list, const char *name,
	iv_eventhandler_fn func, void *arg, int priority,
	struct iv_eventhandler_mailbox *mb)
{
	return do_register(list, name, func, arg, priority, mb);
}

/* Rebuilds l's snapshot without dead entries; may fail (OOM).  Locked. */
static int compact(struct iv_eventhandler_list *l,
		   struct iv_eventhandler_entry *skip)
{
	struct iv_eventhandler_snap *s;
	unsigned int i, live = 0;

	if (l->snap == NULL)
		return 0;
	for (i = 0; i < l->snap->n; i++)
		if (l->snap->ents[i] != skip &&
		    !__atomic_load_n(&l->snap->ents[i]->dead, __ATOMIC_RELAXED))
			live++;
	if (live == 0) {
		publish(l, NULL);
		return 0;
	}
	s = snap_alloc(live);
	if (s == NULL)
		return -ENOMEM;
	build(l, s, skip, NULL);
	publish(l, s);
	return 0;
}

static void report_double(void)
{
#ifndef NDEBUG
	fprintf(stderr, "iv_eventhandler: double deregister\n");
	abort();
#endif
}

static int do_deregister(struct iv_eventhandler_list *list,
			 iv_eventhandler_tag tag, int wait, int quiet)
{
	struct iv_eventhandler_list *l;

	if (tag == NULL)
		return -EINVAL;
	if (__atomic_load_n(&tag->state, __ATOMIC_ACQUIRE) != 1) {
		if (!quiet)
			report_double();
		return -EINVAL;
	}
	l = tag->list;
	if (l == NULL || (list != NULL && canon(list) != l))
		return -EINVAL;

	pthread_mutex_lock(&l->lock);
	if (__atomic_load_n(&tag->state, __ATOMIC_RELAXED) != 1 ||
	    __atomic_load_n(&tag->dead, __ATOMIC_RELAXED)) {
		pthread_mutex_unlock(&l->lock);
		if (!quiet)
			report_double();
		return -EINVAL;
	}
	__atomic_store_n(&tag->dead, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&tag->state, 2, __ATOMIC_RELEASE);
	compact(l, tag);
	heavy_fence();
	reclaim(1);
	pthread_mutex_unlock(&l->lock);

	if (wait)
		wait_for(tag);
	entry_put(tag);
	return 0;
}

IV_EXPORT int iv_eventhandler_deregister(struct iv_eventhandler_list *list,
					 iv_eventhandler_tag tag)
{
	return do_deregister(list, tag, 1, 0);
}

IV_EXPORT int iv_eventhandler_deregister_nowait(struct iv_eventhandler_list *list,
						iv_eventhandler_tag tag)
{
	return do_deregister(list, tag, 0, 0);
}

/* For an owner thread racing with other deregisterers. */
int iv_eventhandler__deregister_quiet(iv_eventhandler_tag tag);
int iv_eventhandler__deregister_quiet(iv_eventhandler_tag tag)
{
	return do_deregister(NULL, tag, 0, 1);
}

static int do_deregister_all(struct iv_eventhandler_list *list, int wait)
{
	struct iv_eventhandler_snap *s;
	struct iv_eventhandler_list *l;
	unsigned int token;
	unsigned int i;

	if (list == NULL)
		return -EINVAL;
	l = canon(list);
	token = (unsigned int)__atomic_add_fetch(&token_counter, 2,
						 __ATOMIC_RELAXED);
	token = (token & 0x7ffffffeu) | 2u;

	pthread_mutex_lock(&l->lock);
	s = l->snap;
	if (s == NULL) {
		pthread_mutex_unlock(&l->lock);
		return 0;
	}
	__atomic_add_fetch(&s->refs, 1, __ATOMIC_RELAXED);
	for (i = 0; i < s->n; i++) {
		struct iv_eventhandler_entry *e = s->ents[i];

		if (__atomic_load_n(&e->dead, __ATOMIC_RELAXED))
			continue;
		__atomic_store_n(&e->dead, token, __ATOMIC_SEQ_CST);
		__atomic_store_n(&e->state, 2, __ATOMIC_RELEASE);
	}
	publish(l, NULL);
	heavy_fence();
	reclaim(1);
	pthread_mutex_unlock(&l->lock);

	for (i = 0; i < s->n; i++) {
		struct iv_eventhandler_entry *e = s->ents[i];

		if (__atomic_load_n(&e->dead, __ATOMIC_RELAXED) != token)
			continue;
		if (wait)
			wait_for(e);
		entry_put(e);
	}
	snap_put(s);
	reclaim(0);
	return 0;
}

IV_EXPORT int iv_eventhandler_deregister_all(struct iv_eventhandler_list *list)
{
	return do_deregister_all(list, 1);
}

IV_EXPORT int
iv_eventhandler_deregister_all_nowait(struct iv_eventhandler_list *list)
{
	return do_deregister_all(list, 0);
}

IV_EXPORT unsigned int iv_eventhandler_prune_list(struct iv_eventhandler_list *list)
{
	struct iv_eventhandler_list *l;
	unsigned int i, dead = 0;

	if (list == NULL)
		return 0;
	l = canon(list);
	pthread_mutex_lock(&l->lock);
	compact(l, NULL);
	for (i = 0; l->snap != NULL && i < l->snap->n; i++)
		if (__atomic_load_n(&l->snap->ents[i]->dead, __ATOMIC_RELAXED))
			dead++;
	reclaim(0);
	pthread_mutex_unlock(&l->lock);
	return dead;
}

IV_EXPORT unsigned int iv_eventhandler_count(const struct iv_eventhandler_list *list)
{
	struct iv_eventhandler_list *l;
	unsigned int i, n = 0;

	if (list == NULL)
		return 0;
	l = canon((struct iv_eventhandler_list *)(uintptr_t)list);
	pthread_mutex_lock(&l->lock);
	for (i = 0; l->snap != NULL && i < l->snap->n; i++)
		if (!__atomic_load_n(&l->snap->ents[i]->dead, __ATOMIC_RELAXED))
			n++;
	pthread_mutex_unlock(&l->lock);
	return n;
}

/* Static lists. */
IV_EXPORT void iv_eventhandler__attach(struct iv_eventhandler_list *list)
{
	struct iv_eventhandler_list *l;

	pthread_mutex_lock(&names_lock);
	if (list->canon != NULL || lookup_locked(list->name) == list) {
		pthread_mutex_unlock(&names_lock);
		return;
	}
	l = lookup_locked(list->name);
	if (l == NULL) {
		insert_locked(list);
		pthread_mutex_unlock(&names_lock);
		return;
	}
	/* Another object created the list first: mirror it. */
	pthread_mutex_lock(&l->lock);
	list->canon = l;
	list->next_mirror = l->mirrors;
	l->mirrors = list;
	if (l->snap != NULL) {
		__atomic_add_fetch(&l->snap->refs, 1, __ATOMIC_RELAXED);
		__atomic_store_n(&list->snap, l->snap, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&l->lock);
	__atomic_add_fetch(&iv_eventhandler__gen, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&names_lock);
}

IV_EXPORT void iv_eventhandler__detach(struct iv_eventhandler_list *list)
{
	struct iv_eventhandler_list **pp;
	struct iv_eventhandler_snap *s;

	pthread_mutex_lock(&names_lock);
	if (list->canon != NULL) {
		struct iv_eventhandler_list *l = list->canon;

		pthread_mutex_lock(&l->lock);
		for (pp = &l->mirrors; *pp != NULL; pp = &(*pp)->next_mirror) {
			if (*pp == list) {
				*pp = list->next_mirror;
				break;
			}
		}
		s = __atomic_exchange_n(&list->snap, NULL, __ATOMIC_SEQ_CST);
		if (s != NULL)
			snap_put(s);
		list->canon = NULL;
		pthread_mutex_unlock(&l->lock);
	} else if (list->snap == NULL && list->mirrors == NULL) {
		for (pp = &buckets[hash(list->name)]; *pp != NULL;
		     pp = &(*pp)->hnext) {
			if (*pp == list) {
				*pp = list->hnext;
				break;
			}
		}
	}
	/* A list that still has handlers stays: its object stays mapped
	 * at process exit, and an unloaded object had to remove them. */
	pthread_mutex_unlock(&names_lock);
}

/* fork(): hold every lock across it; the child forgets other threads. */
static void atfork_prepare(void)
{
	int b;

	pthread_mutex_lock(&names_lock);
	for (b = 0; b < NBUCKETS; b++) {
		struct iv_eventhandler_list *l;

		for (l = buckets[b]; l != NULL; l = l->hnext)
			pthread_mutex_lock(&l->lock);
	}
	pthread_mutex_lock(&gc_lock);
	pthread_mutex_lock(&pool_lock);
}

static void unlock_all(void)
{
	int b;

	pthread_mutex_unlock(&pool_lock);
	pthread_mutex_unlock(&gc_lock);
	for (b = 0; b < NBUCKETS; b++) {
		struct iv_eventhandler_list *l;

		for (l = buckets[b]; l != NULL; l = l->hnext)
			pthread_mutex_unlock(&l->lock);
	}
	pthread_mutex_unlock(&names_lock);
}

static void atfork_parent(void)
{
	unlock_all();
}

/*
 * Portable path, in a forked child: a vanished thread may have held a
 * snapshot reference that no frame records (taken, not yet stored; or
 * cleared, not yet dropped).  Recount every header's references from
 * what survives, the lists and our own frames, and free the headers
 * that only vanished threads held.  All locks are held or free.
 */
static void recount_snaps(void)
{
	const unsigned long pooled = ~0ul;
	struct iv_eventhandler_snap *s, *next;
	struct rec *r = my_rec;
	int b;

	for (s = all_snaps; s != NULL; s = s->all)
		s->refs = 0;
	for (s = snap_pool; s != NULL; s = s->next)
		s->refs = pooled;
	for (b = 0; b < NBUCKETS; b++) {
		struct iv_eventhandler_list *l, *m;

		for (l = buckets[b]; l != NULL; l = l->hnext) {
			if (l->snap != NULL)
				l->snap->refs++;
			for (m = l->mirrors; m != NULL; m = m->next_mirror)
				if (m->snap != NULL)
					m->snap->refs++;
		}
	}
	for (unsigned int i = 0; r != NULL && i < r->pub.depth; i++) {
		struct iv_eventhandler_frame *f = frame_at(r, i);

		if (f->kind == IV_EVENTHANDLER__KIND_PORTABLE &&
		    f->snap != NULL)
			f->snap->refs++;
	}
	for (s = all_snaps; s != NULL; s = next) {
		next = s->all;
		if (s->refs == pooled)
			s->refs = 0;
		else if (s->refs == 0)
			snap_free(s);
	}
}

static void atfork_child(void)
{
	struct rec *r, *next;
	int b;

	unlock_all();
	for (r = records.next; r != &records; r = next) {
		next = r->next;
		if (r == my_rec)
			continue;
		rec_release_frames(r);
		r->prev->next = r->next;
		r->next->prev = r->prev;
		rec_free_chunks(r);
		free(r);
	}
	/*
	 * A vanished thread may have been between its in-flight increment
	 * and its frame store: recount every live entry from our frames.
	 */
	for (b = 0; b < NBUCKETS; b++) {
		struct iv_eventhandler_list *l;

		for (l = buckets[b]; l != NULL; l = l->hnext) {
			struct iv_eventhandler_snap *s = l->snap;
			unsigned int i;

			for (i = 0; s != NULL && i < s->n; i++)
				__atomic_store_n(&s->ents[i]->inflight,
						 own_frames(s->ents[i], 1),
						 __ATOMIC_RELAXED);
		}
	}
	if (read_kind == IV_EVENTHANDLER__KIND_PORTABLE && own_pins == 0)
		recount_snaps();
	reclaim(0);
}

void iv_eventhandler__mailbox_shutdown(void);

/* Frees everything; only when no other thread uses the facility. */
IV_EXPORT void iv_eventhandler_shutdown(void)
{
	int b;

	iv_eventhandler__mailbox_shutdown();
	if (my_rec != NULL) {
		struct rec *r = my_rec;

		pthread_setspecific(rec_key, NULL);
		rec_destroy(r);
	}
	for (b = 0; b < NBUCKETS; b++) {
		struct iv_eventhandler_list *l, *next;

		for (l = buckets[b]; l != NULL; l = next) {
			struct iv_eventhandler_list *m;

			next = l->hnext;
			iv_eventhandler_deregister_all_nowait(l);
			for (m = l->mirrors; m != NULL; m = m->next_mirror)
				m->canon = NULL;
			l->mirrors = NULL;
			if (l->flags & IV_EVENTHANDLER__STATIC) {
				l->hnext = NULL;
				continue;
			}
			pthread_mutex_destroy(&l->lock);
			free(l);
		}
		buckets[b] = NULL;
	}
	__atomic_add_fetch(&iv_eventhandler__gen, 1, __ATOMIC_RELEASE);
	pthread_mutex_lock(&gc_lock);
	reclaim_locked();
	pthread_mutex_unlock(&gc_lock);
	pthread_mutex_lock(&pool_lock);
	while (snap_pool != NULL) {
		struct iv_eventhandler_snap *s = snap_pool;

		snap_pool = s->next;
		free(s);
	}
	all_snaps = NULL;
	while (entry_pool != NULL) {
		struct iv_eventhandler_entry *e = entry_pool;

		entry_pool = e->next;
		free(e);
	}
	pthread_mutex_unlock(&pool_lock);
}

/* Test-only statistics: snapshot headers neither pooled nor freed. */
IV_EXPORT unsigned long iv_eventhandler__snaps_in_use(void)
{
	struct iv_eventhandler_snap *s;
	unsigned long n = 0;

	pthread_mutex_lock(&pool_lock);
	for (s = all_snaps; s != NULL; s = s->all)
		n++;
	for (s = snap_pool; s != NULL; s = s->next)
		n--;
	pthread_mutex_unlock(&pool_lock);
	return n;
}

/* Test-only statistics: retired snapshots not yet freed. */
IV_EXPORT unsigned long iv_eventhandler__retired(void)
{
	unsigned long n;

	pthread_mutex_lock(&gc_lock);
	n = nretired;
	pthread_mutex_unlock(&gc_lock);
	return n;
}
