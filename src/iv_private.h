/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The one internal header: per-thread state, private twins, iv__ calls. */

#ifndef IV_PRIVATE_H
#define IV_PRIVATE_H

#include <iv.h>
#include <iv_event.h>
#include <iv_list.h>
#include <iv_tls.h>
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define IV_EXPORT	__attribute__((visibility("default")))
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

/* Readiness bands of an fd, as handlers see them. */
#define MASKIN		1
#define MASKOUT		2
#define MASKERR		4

/*
 * Private twin of struct iv_fd.  The user part matches the public struct
 * field for field; the rest lives in its pad[] (checked at compile time
 * below).
 */
struct iv_fd_ {
	int			fd;
	void			*cookie;
	void			(*handler_in)(void *);
	void			(*handler_out)(void *);
	void			(*handler_err)(void *);

	struct iv_list_head	list_active;	/* on the ready batch */
	struct iv_list_head	list_notify;	/* kernel update pending */
	int			index;		/* poll: slot; epoll: batch slot; else -1 */
	uint8_t			registered;
	uint8_t			ready_bands;	/* collected, not dispatched */
	uint8_t			wanted_bands;	/* from the handlers */
	uint8_t			kernel_bands;	/* what the kernel has */
	uint8_t			in_kernel;	/* the kernel knows the fd */
	uint8_t			dead;		/* the kernel said EBADF */
	uint8_t			edge;		/* internal: IV_FD_ONESHOT or 0 */
};

/* iv_fd_.edge, for internal wake-up eventfds only: readable for ever,
 * registered disarmed, armed by iv__epoll_rearm(). */
#define IV_FD_ONESHOT	2

/* Private twin of struct iv_task. */
struct iv_task_ {
	void			*cookie;
	void			(*handler)(void *);

	struct iv_list_head	list;
	uint32_t		epoch;		/* pass it last ran in */
	uint8_t			registered;
};

/*
 * Private twin of struct iv_timer.  index is the heap slot, or one of the
 * two negative states below.
 */
#define IV_TIMER_IDLE		-1	/* not registered */
#define IV_TIMER_EXPIRED	-2	/* collected, its handler not yet run */
#define IV_TIMER_RUN		-3	/* on the ascending run (st->run) */

struct iv_timer_ {
	struct timespec		expires;
	void			*cookie;
	void			(*handler)(void *);

	struct iv_list_head	list_expired;	/* batch, or the run */
	int32_t			index;
	uint32_t		unused;
	uint64_t		seq;		/* FIFO order among equals */
};

/* One slot of the timer heap: the key is cached so sifting never
 * touches the timers themselves.  t == NULL marks a cancelled slot. */
struct iv_timer_slot {
	uint64_t		key;	/* ns, sign bit flipped (iv_timer.c) */
	uint64_t		seq;
	struct iv_timer_	*t;
};

#include "backend/iv_backend.h"

/*
 * Everything one thread's loop owns.  Allocated by iv_init() together
 * with the iv_tls areas that follow it, freed by iv_deinit() or by the
 * thread-exit destructor.  Only its own thread touches it, except where
 * a field says otherwise.
 */
struct iv_state {
	/* Loop control. */
	int			quit;
	int			numobjs;	/* keeps iv_main() running */

	/* Cached time (CLOCK_MONOTONIC). */
	int			now_valid;
	struct timespec		now;

	/* fds: the ready batch, the fd being dispatched, backend state. */
	struct iv_list_head	active;
	struct iv_fd_		*handled_fd;
	union iv_backend_state	u;

	/* Tasks: pending list, the pass being run, pass counter. */
	struct iv_list_head	tasks;
	struct iv_list_head	*pass;
	uint32_t		task_epoch;

	/* Timers: an ascending run of timers, and a 4-ary min-heap of
	 * slots for the rest, its cancelled slots counted. */
	struct iv_list_head	run;
	struct iv_timer_slot	*heap;
	int			heap_len;
	int			heap_cap;
	int			heap_dead;
	uint64_t		timer_seq;
	int64_t			run_last;	/* key of the run's tail */

	/* Cross-thread events (iv_event.c). */
	struct iv_event_state	*ev;
};

/*
 * A spinlock for critical sections of a few instructions (list links),
 * cheaper than a mutex when uncontended.  A waiter that spins for long
 * yields, so a preempted holder is not starved on a busy machine.
 */
static inline void iv__spin_lock(int *lock)
{
	unsigned int spins = 0;

	while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE)) {
		while (__atomic_load_n(lock, __ATOMIC_RELAXED)) {
			if (++spins >= 64) {
				sched_yield();
				spins = 0;
			} else {
#if defined(__x86_64__) || defined(__i386__)
				__builtin_ia32_pause();
#endif
			}
		}
	}
}

static inline void iv__spin_unlock(int *lock)
{
	__atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

/* The calling thread's state; NULL outside iv_init()/iv_deinit(). */
extern __thread struct iv_state *iv__state
	__attribute__((tls_model("initial-exec")));

static inline struct iv_state *iv__get_state(void)
{
	return iv__state;
}

/* The state, or a fatal error naming the caller. */
struct iv_state *iv__need_state(const char *func);

static inline struct iv_state *iv__state_for(const char *func)
{
	struct iv_state *st = iv__state;

	if (unlikely(st == NULL))
		st = iv__need_state(func);
	return st;
}

/* Poll method chosen at the first iv_init() of the process. */
extern const struct iv_fd_poll_method *iv__method;

/* iv_time.c */
int64_t iv__now_ns(struct iv_state *st);
static inline int64_t iv__ts_to_ns(const struct timespec *ts)
{
	/* Saturate instead of overflowing: a deadline centuries away is
	 * as good as infinite. */
	if (ts->tv_sec >= INT64_MAX / 1000000000 - 1)
		return INT64_MAX - 1;
	if (ts->tv_sec <= INT64_MIN / 1000000000 + 1)
		return INT64_MIN + 1;
	return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

/* iv_fd.c */
void iv__fd_init(struct iv_state *st);
void iv__fd_make_ready(struct iv_state *st, struct iv_fd_ *fd, int bands);
void iv__fd_run_active(struct iv_state *st);

/*
 * Calls fd's handlers for its ready bands: err, then in, then out, each
 * only if set at that moment.  A handler may unregister (and free) fd;
 * iv_fd_unregister() then clears st->handled_fd, and nothing more of fd
 * is touched.  The caller clears st->handled_fd after its batch.
 */
static inline void iv__fd_call(struct iv_state *st, struct iv_fd_ *fd,
			       unsigned int bands)
{
	st->handled_fd = fd;
	if ((bands & MASKERR) && fd->handler_err != NULL) {
		fd->handler_err(fd->cookie);
		if (st->handled_fd == NULL)
			return;
	}
	if ((bands & MASKIN) && fd->handler_in != NULL) {
		fd->handler_in(fd->cookie);
		if (st->handled_fd == NULL)
			return;
	}
	if ((bands & MASKOUT) && fd->handler_out != NULL)
		fd->handler_out(fd->cookie);
}
int iv__fd_kernel_error(struct iv_state *st, struct iv_fd_ *fd, int err);

/* iv_task.c */
void iv__task_init(struct iv_state *st);
void iv__task_run(struct iv_state *st);

/* iv_timer.c */
void iv__timer_init(struct iv_state *st);
void iv__timer_deinit(struct iv_state *st);
void iv__timer_run_expired(struct iv_state *st);
int64_t iv__timer_next_deadline(struct iv_state *st);

static inline int iv__timer_pending(const struct iv_state *st)
{
	return st->heap_len != 0 || !iv_list_empty(&st->run);
}

/*
 * The loop of iv_main(): timers, tasks, then one poll, until iv_quit() or
 * nothing is registered.  Inlined into iv_main() around the method's
 * poll, or into a method's run() around its own inlined poll (epoll), so
 * that a handler's return goes straight back into the loop.
 */
static inline __attribute__((always_inline)) void
iv__main_loop(struct iv_state *st, void (*poll)(struct iv_state *, int64_t))
{
	for (;;) {
		int64_t deadline;

		if (iv__timer_pending(st))
			iv__timer_run_expired(st);

		if (!iv_list_empty(&st->tasks))
			iv__task_run(st);

		if (st->quit || st->numobjs == 0)
			break;

		if (!iv_list_empty(&st->tasks))
			deadline = 0;
		else if (iv__timer_pending(st))
			deadline = iv__timer_next_deadline(st);
		else
			deadline = INT64_MAX;

		poll(st, deadline);
		if (!iv_list_empty(&st->active))
			iv__fd_run_active(st);
	}
}

/* iv_tls.c */
size_t iv__tls_total_size(void);
void iv__tls_init_thread(struct iv_state *st);
void iv__tls_deinit_thread(struct iv_state *st);
extern int iv__tls_frozen;

/* iv_event_raw.c: the descriptor pair of an event (eventfd or pipe) */
int iv__event_fds_open(int *rfd, int *wfd);
void iv__event_fds_post(int rfd, int wfd);

/*
 * iv_event.c.  One struct iv_event_state per thread with events: a
 * pending list under a spinlock and one wake-up descriptor (protocol in
 * iv_event.c).  Its batch runner is here so that epoll's loop can run it
 * inline (docs/ARCHITECTURE.md, "Call depth").
 */
struct iv_event_state {
	int			lock;		/* iv__spin_lock */
	int			writers;	/* wake-up writes under way */
	struct iv_list_head	pending;	/* under lock */
	struct iv_state		*st;
	int			running;	/* batches being run (nested iv_main) */
	int			numevents;
	int			epfd;		/* re-armed in it; -1: read the fd */
	int			wfd;
	struct iv_fd		wake;
	struct iv_task		task;
};

/* Bit 0 of an iv_event's owner pointer: posted, handler not yet called. */
#define IV_EVENT_PENDING	((uintptr_t)1)

/*
 * iv_event_post() returns early, without a read-modify-write, when the
 * event is already pending.  ThreadSanitizer does not model the fences
 * that make that safe, so its builds take the checked path only.
 */
#if defined(__SANITIZE_THREAD__) && !defined(IV_EVENT_CHECKED_POST)
#define IV_EVENT_CHECKED_POST	1
#endif

void iv__event_deinit(struct iv_state *st);
void iv__event_got_wake(void *es) __attribute__((visibility("hidden")));
void iv__event_drain(struct iv_event_state *es);
void iv__event_state_put(struct iv_event_state *es);

/* Run the events posted so far, in posting order, without the lock. */
static inline __attribute__((always_inline)) void
iv__event_run_pending(struct iv_event_state *es)
{
	struct iv_list_head batch;

	iv__spin_lock(&es->lock);
	if (iv_list_empty(&es->pending)) {
		iv__spin_unlock(&es->lock);
		return;
	}
	INIT_IV_LIST_HEAD(&batch);
	iv_list_splice_init(&es->pending, &batch);
	iv__spin_unlock(&es->lock);

	es->running++;
	while (!iv_list_empty(&batch)) {
		struct iv_event *ev;

		ev = iv_list_entry(batch.next, struct iv_event, list);
		iv_list_del_init(&ev->list);
		__atomic_fetch_and((uintptr_t *)&ev->owner, ~IV_EVENT_PENDING,
				   __ATOMIC_SEQ_CST);
#ifndef IV_EVENT_CHECKED_POST
		/* Pairs with the fence of iv_event_post()'s early return. */
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
		ev->handler(ev->cookie);
	}
	/* A handler may have run a nested iv_main() that ran a batch too:
	 * the state goes only when the outermost batch is done. */
	if (--es->running == 0 && es->numevents == 0)
		iv__event_state_put(es);
}

/* The wake fd was reported: what its handler_in does. */
static inline __attribute__((always_inline)) void
iv__event_wake(struct iv_event_state *es)
{
	if (unlikely(es->epfd < 0))
		iv__event_drain(es);
	iv__event_run_pending(es);
}

/* iv_wait.c: is the interest registered (used by iv_popen.c)? */
struct iv_wait_interest;
int iv__wait_interest_registered(const struct iv_wait_interest *wi);

/* Private twins must hold their user fields where the public ones are. */
#define IV_TWIN(pub, priv, field)					\
	_Static_assert(offsetof(struct pub, field) ==			\
		       offsetof(struct priv, field), #priv "." #field)

_Static_assert(sizeof(struct iv_fd_) <= sizeof(struct iv_fd), "iv_fd_");
IV_TWIN(iv_fd, iv_fd_, fd);
IV_TWIN(iv_fd, iv_fd_, cookie);
IV_TWIN(iv_fd, iv_fd_, handler_in);
IV_TWIN(iv_fd, iv_fd_, handler_out);
IV_TWIN(iv_fd, iv_fd_, handler_err);
_Static_assert(sizeof(struct iv_task_) <= sizeof(struct iv_task), "iv_task_");
IV_TWIN(iv_task, iv_task_, cookie);
IV_TWIN(iv_task, iv_task_, handler);
_Static_assert(sizeof(struct iv_timer_) <= sizeof(struct iv_timer),
	       "iv_timer_");
IV_TWIN(iv_timer, iv_timer_, expires);
IV_TWIN(iv_timer, iv_timer_, cookie);
IV_TWIN(iv_timer, iv_timer_, handler);

#endif
