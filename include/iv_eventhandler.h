/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: named, prioritised handler lists with a lock-free invoke path. */

#ifndef __IV_EVENTHANDLER_H
#define __IV_EVENTHANDLER_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define IV_EVENTHANDLER_PRI_FIRST	0
#define IV_EVENTHANDLER_PRI_ANY		10000
#define IV_EVENTHANDLER_PRI_LAST	20000

/* Generic storage type for handler pointers; cast back before calling. */
typedef void (*iv_eventhandler_fn)(void);

/*
 * Everything below up to the function prototypes is visible only so that
 * the invoke macros can be inlined and static lists can be defined.  The
 * fields are private and may change.
 */
struct iv_eventhandler_mailbox;

struct iv_eventhandler_entry {
	iv_eventhandler_fn		func;
	void				*arg;
	unsigned int			dead;		/* atomic; 0 = live */
	unsigned int			state;		/* 1 = registered */
	unsigned long			inflight;	/* portable path */
	unsigned long			refs;		/* atomic */
	int				priority;
	uint64_t			seq;
	struct iv_eventhandler_list	*list;		/* canonical */
	struct iv_eventhandler_mailbox	*local;		/* message events */
	struct iv_eventhandler_entry	*next;		/* pool, mailbox */
	struct iv_eventhandler_entry	*prev;		/* mailbox */
};

typedef struct iv_eventhandler_entry *iv_eventhandler_tag;

struct iv_eventhandler_snap {
	unsigned long			refs;		/* atomic */
	unsigned int			n;
	struct iv_eventhandler_entry	**ents;
	struct iv_eventhandler_snap	*next;		/* pool, retired */
	struct iv_eventhandler_snap	*all;		/* every header */
};

struct iv_eventhandler_list {
	struct iv_eventhandler_snap	*snap;		/* atomic */
	const char			*name;
	pthread_mutex_t			lock;		/* writers only */
	struct iv_eventhandler_list	*canon;		/* set on mirrors */
	struct iv_eventhandler_list	*mirrors;
	struct iv_eventhandler_list	*next_mirror;
	struct iv_eventhandler_list	*hnext;		/* name registry */
	uint64_t			seq;
	unsigned int			flags;
};

#define IV_EVENTHANDLER__STATIC		1u

#define IV_EVENTHANDLER__LIST_INIT(nm)					\
	{ NULL, nm, PTHREAD_MUTEX_INITIALIZER, NULL, NULL, NULL, NULL,	\
	  0, IV_EVENTHANDLER__STATIC }

/* One nesting level of one thread's invocations. */
struct iv_eventhandler_frame {
	struct iv_eventhandler_snap	*snap;		/* atomic */
	struct iv_eventhandler_entry	*ent;		/* atomic */
	unsigned int			kind;
};

/* Read path kinds: slots with membarrier, slots with SC, portable. */
#define IV_EVENTHANDLER__KIND_FENCE	0u
#define IV_EVENTHANDLER__KIND_SC	1u
#define IV_EVENTHANDLER__KIND_PORTABLE	2u

/* An invocation in progress, on the invoker's stack. */
struct iv_eventhandler_pin {
	struct iv_eventhandler_frame	*f;
	struct iv_eventhandler_snap	*s;
	struct iv_eventhandler_entry	**ents;
	unsigned int			n;
	unsigned int			kind;
	struct iv_eventhandler_frame	own;		/* fallback frame */
};

/*
 * The public head of the calling thread's record: its nesting depth, its
 * read path and its first frames.  NULL until the thread first invokes.
 */
#define IV_EVENTHANDLER__FAST_FRAMES	16

struct iv_eventhandler__thread {
	unsigned int			depth;
	unsigned int			kind;
	struct iv_eventhandler_frame	*frames;
};

extern __thread struct iv_eventhandler__thread *iv_eventhandler__self;

/* Per call site cache of invoke-by-name. */
struct iv_eventhandler_cache {
	struct iv_eventhandler_list	*list;		/* atomic */
	unsigned long			gen;		/* atomic */
};

/* Test-only hook points; NULL in normal use. */
struct iv_eventhandler_test_hooks {
	void	(*after_pin)(struct iv_eventhandler_list *list);
	void	(*before_dead_check)(struct iv_eventhandler_entry *e);
	void	(*before_wait)(struct iv_eventhandler_entry *e);
	void	(*after_scan)(struct iv_eventhandler_entry *e,
			      unsigned long foreign);
	long	fail_alloc_at;		/* n >= 0: the nth allocation fails */
	long	allocs;
	/* Portable path: a snapshot reference taken, not yet recorded. */
	void	(*after_snap_get)(struct iv_eventhandler_list *list);
};

extern struct iv_eventhandler_test_hooks *iv_eventhandler__hooks;
extern unsigned long iv_eventhandler__gen;

void iv_eventhandler__begin(struct iv_eventhandler_list *list,
			    struct iv_eventhandler_pin *p);
void iv_eventhandler__end(struct iv_eventhandler_pin *p);
struct iv_eventhandler_list *
iv_eventhandler__lookup(struct iv_eventhandler_cache *c, const char *name);
void iv_eventhandler__attach(struct iv_eventhandler_list *list);
void iv_eventhandler__detach(struct iv_eventhandler_list *list);
unsigned long iv_eventhandler__retired(void);	/* for tests */
unsigned long iv_eventhandler__snaps_in_use(void);	/* for tests */

/* Native API. */
struct iv_eventhandler_list *iv_eventhandler_find_list(const char *name);
struct iv_eventhandler_list *iv_eventhandler_create_list(const char *name);
iv_eventhandler_tag iv_eventhandler_register(struct iv_eventhandler_list *list,
					     const char *name,
					     iv_eventhandler_fn func,
					     void *arg, int priority);
int iv_eventhandler_deregister(struct iv_eventhandler_list *list,
			       iv_eventhandler_tag tag);
int iv_eventhandler_deregister_nowait(struct iv_eventhandler_list *list,
				      iv_eventhandler_tag tag);
int iv_eventhandler_deregister_all(struct iv_eventhandler_list *list);
int iv_eventhandler_deregister_all_nowait(struct iv_eventhandler_list *list);
unsigned int iv_eventhandler_prune_list(struct iv_eventhandler_list *list);
unsigned int iv_eventhandler_count(const struct iv_eventhandler_list *list);
void iv_eventhandler_shutdown(void);
const char *iv_eventhandler_read_path(void);

/* Thread-affine message events (see IV_EVENTHANDLER_DECLARE_MSG). */
iv_eventhandler_tag
iv_eventhandler_register_local(struct iv_eventhandler_list *list,
			       const char *name, iv_eventhandler_fn func,
			       void *arg, int priority);
void iv_eventhandler__post_local(struct iv_eventhandler_pin *p,
				 const void *msg, size_t size,
				 void (*release)(void *msg),
				 void (*tramp)(iv_eventhandler_fn f, void *arg,
					       const void *msg));
unsigned long iv_eventhandler_local_pending(void);

/*
 * Inline parts of the invoke loop.  pin and unpin take the slot read
 * path without a call when the thread already has a record and is not
 * nested too deeply; anything else goes through begin and end.
 */
static inline void iv_eventhandler__pin(struct iv_eventhandler_list *list,
					struct iv_eventhandler_pin *p)
{
	struct iv_eventhandler__thread *t = iv_eventhandler__self;
	struct iv_eventhandler_frame *f;
	struct iv_eventhandler_snap *s;
	unsigned int d;

	if (__builtin_expect(t == NULL ||
			     (d = t->depth) >= IV_EVENTHANDLER__FAST_FRAMES ||
			     t->kind == IV_EVENTHANDLER__KIND_PORTABLE ||
			     iv_eventhandler__hooks != NULL, 0)) {
		iv_eventhandler__begin(list, p);
		return;
	}
	/* Free frames of a record already hold kind and a NULL entry. */
	f = &t->frames[d];
	t->depth = d + 1;
	p->f = f;
	p->kind = t->kind;
	if (__builtin_expect(t->kind == IV_EVENTHANDLER__KIND_FENCE, 1)) {
		do {
			s = __atomic_load_n(&list->snap, __ATOMIC_ACQUIRE);
			__atomic_store_n(&f->snap, s, __ATOMIC_RELAXED);
			__atomic_signal_fence(__ATOMIC_SEQ_CST);
		} while (__atomic_load_n(&list->snap, __ATOMIC_ACQUIRE) != s);
	} else {
		do {
			s = __atomic_load_n(&list->snap, __ATOMIC_ACQUIRE);
			__atomic_store_n(&f->snap, s, __ATOMIC_SEQ_CST);
		} while (__atomic_load_n(&list->snap, __ATOMIC_SEQ_CST) != s);
	}
	p->s = s;
	if (s != NULL) {
		p->n = s->n;
		p->ents = s->ents;
	} else {
		p->n = 0;
		p->ents = NULL;
	}
}

static inline void iv_eventhandler__unpin(struct iv_eventhandler_pin *p)
{
	if (__builtin_expect(p->kind != IV_EVENTHANDLER__KIND_PORTABLE, 1)) {
		__atomic_store_n(&p->f->snap, NULL, __ATOMIC_RELEASE);
		iv_eventhandler__self->depth--;
		return;
	}
	iv_eventhandler__end(p);
}

/* Inline parts of the invoke loop. */
static inline int iv_eventhandler__enter(struct iv_eventhandler_pin *p,
					 struct iv_eventhandler_entry *e)
{
	struct iv_eventhandler_frame *f = p->f;

#ifdef IV_EVENTHANDLER_TEST_HOOKS
	if (iv_eventhandler__hooks != NULL &&
	    iv_eventhandler__hooks->before_dead_check != NULL)
		iv_eventhandler__hooks->before_dead_check(e);
#endif
	if (__builtin_expect(p->kind == IV_EVENTHANDLER__KIND_FENCE, 1)) {
		__atomic_store_n(&f->ent, e, __ATOMIC_RELAXED);
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		return !__atomic_load_n(&e->dead, __ATOMIC_RELAXED);
	}
	if (p->kind == IV_EVENTHANDLER__KIND_SC) {
		__atomic_store_n(&f->ent, e, __ATOMIC_SEQ_CST);
		return !__atomic_load_n(&e->dead, __ATOMIC_SEQ_CST);
	}
	__atomic_fetch_add(&e->inflight, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&f->ent, e, __ATOMIC_RELAXED);
	return !__atomic_load_n(&e->dead, __ATOMIC_SEQ_CST);
}

/* enter for the membarrier path, with the frame in a register. */
static inline int iv_eventhandler__enter_fence(struct iv_eventhandler_frame *f,
					       struct iv_eventhandler_entry *e)
{
#ifdef IV_EVENTHANDLER_TEST_HOOKS
	if (iv_eventhandler__hooks != NULL &&
	    iv_eventhandler__hooks->before_dead_check != NULL)
		iv_eventhandler__hooks->before_dead_check(e);
#endif
	__atomic_store_n(&f->ent, e, __ATOMIC_RELAXED);
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return __builtin_expect(!__atomic_load_n(&e->dead, __ATOMIC_RELAXED),
				1);
}

static inline void iv_eventhandler__leave(struct iv_eventhandler_pin *p,
					  struct iv_eventhandler_entry *e)
{
	if (p->kind != IV_EVENTHANDLER__KIND_PORTABLE) {
		__atomic_store_n(&p->f->ent, NULL, __ATOMIC_RELEASE);
	} else {
		__atomic_store_n(&p->f->ent, NULL, __ATOMIC_RELAXED);
		__atomic_fetch_sub(&e->inflight, 1, __ATOMIC_RELEASE);
	}
}

static inline struct iv_eventhandler_list *
iv_eventhandler__cached(struct iv_eventhandler_cache *c, const char *name)
{
	struct iv_eventhandler_list *l;

	l = __atomic_load_n(&c->list, __ATOMIC_ACQUIRE);
	if (__builtin_expect(l != NULL, 1))
		return l;
	if (__atomic_load_n(&c->gen, __ATOMIC_RELAXED) ==
	    __atomic_load_n(&iv_eventhandler__gen, __ATOMIC_ACQUIRE))
		return NULL;
	return iv_eventhandler__lookup(c, name);
}

/*
 * The invoke loop.  Arguments are evaluated once per handler called, as
 * in FreeBSD: do not pass expressions with side effects.
 */
#define IV_EVENTHANDLER__RUN(type, lp, ...)				\
	do {								\
		struct iv_eventhandler_list *iv__eh_rl = (lp);		\
		if (__atomic_load_n(&iv__eh_rl->snap,			\
				    __ATOMIC_ACQUIRE) != NULL) {	\
			struct iv_eventhandler_pin iv__eh_p;		\
			struct iv_eventhandler_entry **iv__eh_v;	\
			struct iv_eventhandler_entry *iv__eh_e;		\
			struct iv_eventhandler_frame *iv__eh_f;		\
			unsigned int iv__eh_i, iv__eh_n;		\
			iv_eventhandler__pin(iv__eh_rl, &iv__eh_p);	\
			iv__eh_v = iv__eh_p.ents;			\
			iv__eh_n = iv__eh_p.n;				\
			iv__eh_f = iv__eh_p.f;				\
			if (__builtin_expect(iv__eh_p.kind ==		\
				IV_EVENTHANDLER__KIND_FENCE, 1)) {	\
				for (iv__eh_i = 0; iv__eh_i < iv__eh_n;	\
				     iv__eh_i++) {			\
					iv__eh_e = iv__eh_v[iv__eh_i];	\
					if (iv_eventhandler__enter_fence( \
						iv__eh_f, iv__eh_e))	\
						((type)iv__eh_e->func)(	\
							iv__eh_e->arg,	\
							##__VA_ARGS__);	\
					__atomic_store_n(&iv__eh_f->ent, \
							 NULL,		\
							 __ATOMIC_RELEASE); \
				}					\
			} else {					\
				for (iv__eh_i = 0; iv__eh_i < iv__eh_n;	\
				     iv__eh_i++) {			\
					iv__eh_e = iv__eh_v[iv__eh_i];	\
					if (iv_eventhandler__enter(	\
						&iv__eh_p, iv__eh_e))	\
						((type)iv__eh_e->func)(	\
							iv__eh_e->arg,	\
							##__VA_ARGS__);	\
					iv_eventhandler__leave(&iv__eh_p, \
							       iv__eh_e); \
				}					\
			}						\
			iv_eventhandler__unpin(&iv__eh_p);		\
		}							\
	} while (0)

/* Typed declarations. */
#define IV_EVENTHANDLER_DECLARE(name, fn_type)				\
	typedef fn_type iv_eventhandler_fn_t_##name

/* The handler must have exactly the declared type: no default branch. */
#define IV_EVENTHANDLER_CHECKED(name, func)				\
	_Generic((func),						\
		 iv_eventhandler_fn_t_##name: (iv_eventhandler_fn)(func))

#define IV_EVENTHANDLER_REGISTER(name, func, arg, priority)		\
	iv_eventhandler_register(NULL, #name,				\
				 IV_EVENTHANDLER_CHECKED(name, func),	\
				 (arg), (priority))

#define IV_EVENTHANDLER_DEREGISTER(name, tag)				\
	({								\
		struct iv_eventhandler_list *iv__eh_dl;			\
		iv__eh_dl = iv_eventhandler_find_list(#name);		\
		iv__eh_dl != NULL ?					\
			iv_eventhandler_deregister(iv__eh_dl, (tag)) : 0; \
	})

#define IV_EVENTHANDLER_DEREGISTER_NOWAIT(name, tag)			\
	({								\
		struct iv_eventhandler_list *iv__eh_dl;			\
		iv__eh_dl = iv_eventhandler_find_list(#name);		\
		iv__eh_dl != NULL ?					\
			iv_eventhandler_deregister_nowait(iv__eh_dl,	\
							  (tag)) : 0;	\
	})

#define IV_EVENTHANDLER_INVOKE(name, ...)				\
	do {								\
		static struct iv_eventhandler_cache iv__eh_c;		\
		struct iv_eventhandler_list *iv__eh_l;			\
		iv__eh_l = iv_eventhandler__cached(&iv__eh_c, #name);	\
		if (iv__eh_l != NULL)					\
			IV_EVENTHANDLER__RUN(iv_eventhandler_fn_t_##name, \
					     iv__eh_l, ##__VA_ARGS__);	\
	} while (0)

#define IV_EVENTHANDLER_LIST_INVOKE(name, list, ...)			\
	IV_EVENTHANDLER__RUN(iv_eventhandler_fn_t_##name, (list),	\
			     ##__VA_ARGS__)

/* Static lists: usable before main, never allocate when empty. */
#define IV_EVENTHANDLER_LIST_DECLARE(name)				\
	extern struct iv_eventhandler_list iv_eventhandler_list_##name

#define IV_EVENTHANDLER_LIST_DEFINE(name)				\
	struct iv_eventhandler_list iv_eventhandler_list_##name =	\
		IV_EVENTHANDLER__LIST_INIT(#name);			\
	__attribute__((constructor(101))) static void			\
	iv_eventhandler__attach_##name(void)				\
	{								\
		iv_eventhandler__attach(&iv_eventhandler_list_##name);	\
	}								\
	__attribute__((destructor(101))) static void			\
	iv_eventhandler__detach_##name(void)				\
	{								\
		iv_eventhandler__detach(&iv_eventhandler_list_##name);	\
	}								\
	struct iv_eventhandler_list iv_eventhandler_list_##name

#define IV_EVENTHANDLER_DIRECT_INVOKE(name, ...)			\
	IV_EVENTHANDLER__RUN(iv_eventhandler_fn_t_##name,		\
			     &iv_eventhandler_list_##name, ##__VA_ARGS__)

/* Registered before main, deregistered (waiting) at exit or unload. */
#define IV_EVENTHANDLER_DEFINE(name, func, arg, priority)		\
	static iv_eventhandler_tag name##_iv_eh_tag;			\
	__attribute__((constructor(102))) static void			\
	iv_eventhandler__def_##name(void)				\
	{								\
		name##_iv_eh_tag = IV_EVENTHANDLER_REGISTER(name, func,	\
							    arg,	\
							    priority);	\
	}								\
	__attribute__((destructor(102))) static void			\
	iv_eventhandler__undef_##name(void)				\
	{								\
		if (name##_iv_eh_tag != NULL)				\
			iv_eventhandler_deregister(NULL,		\
						   name##_iv_eh_tag);	\
		name##_iv_eh_tag = NULL;				\
	}								\
	static iv_eventhandler_tag name##_iv_eh_tag

/*
 * Message events: the handler gets (void *arg, const payload_type *msg).
 * Handlers registered with IV_EVENTHANDLER_REGISTER_LOCAL run later in
 * the loop of the thread that registered them, with a private copy of
 * the payload; the others run inline.  release (may be NULL) is called
 * once on the copy when the last deferred handler is done with it.
 */
#define IV_EVENTHANDLER_DECLARE_MSG(name, payload_type, release)	\
	typedef payload_type iv_eventhandler_msg_t_##name;		\
	typedef void (*iv_eventhandler_fn_t_##name)(void *,		\
						    const payload_type *); \
	static inline void iv_eventhandler__tramp_##name(		\
		iv_eventhandler_fn f, void *arg, const void *msg)	\
	{								\
		((iv_eventhandler_fn_t_##name)f)(arg,			\
			(const payload_type *)msg);			\
	}								\
	static void (*const iv_eventhandler__release_##name)(void *) =	\
		(release)

#define IV_EVENTHANDLER_REGISTER_LOCAL(name, func, arg, priority)	\
	iv_eventhandler_register_local(NULL, #name,			\
				       IV_EVENTHANDLER_CHECKED(name, func), \
				       (arg), (priority))

#define IV_EVENTHANDLER_INVOKE_MSG(name, msgp)				\
	do {								\
		static struct iv_eventhandler_cache iv__eh_c;		\
		struct iv_eventhandler_list *iv__eh_l;			\
		const iv_eventhandler_msg_t_##name *iv__eh_m = (msgp);	\
		iv__eh_l = iv_eventhandler__cached(&iv__eh_c, #name);	\
		if (iv__eh_l != NULL &&					\
		    __atomic_load_n(&iv__eh_l->snap,			\
				    __ATOMIC_ACQUIRE) != NULL) {	\
			struct iv_eventhandler_pin iv__eh_p;		\
			unsigned int iv__eh_i;				\
			int iv__eh_loc = 0;				\
			iv_eventhandler__pin(iv__eh_l, &iv__eh_p);	\
			for (iv__eh_i = 0; iv__eh_i < iv__eh_p.n;	\
			     iv__eh_i++) {				\
				struct iv_eventhandler_entry *iv__eh_e;	\
				iv__eh_e = iv__eh_p.ents[iv__eh_i];	\
				if (iv__eh_e->local != NULL) {		\
					iv__eh_loc = 1;			\
					continue;			\
				}					\
				if (iv_eventhandler__enter(&iv__eh_p,	\
							   iv__eh_e))	\
					((iv_eventhandler_fn_t_##name)	\
					 iv__eh_e->func)(iv__eh_e->arg,	\
							 iv__eh_m);	\
				iv_eventhandler__leave(&iv__eh_p,	\
						       iv__eh_e);	\
			}						\
			if (iv__eh_loc)					\
				iv_eventhandler__post_local(&iv__eh_p,	\
					iv__eh_m, sizeof(*iv__eh_m),	\
					iv_eventhandler__release_##name, \
					iv_eventhandler__tramp_##name);	\
			iv_eventhandler__unpin(&iv__eh_p);		\
		}							\
	} while (0)

#ifdef __cplusplus
}
#endif

#endif
