/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_signal: POSIX signals turned into handler calls in a thread's loop. */

/*
 * Design.
 *
 * 1. The registry is one process-wide AVL tree plus one private tree per
 *    thread (THIS_THREAD registrations, kept in an iv_tls area).  Every
 *    tree is ordered by signal number, then EXCLUSIVE before the rest,
 *    then by address, which is the order in which a signal wakes them.
 *    nreg[] counts the registrations of each signal over all trees; the
 *    signal's disposition is ours while its count is non-zero.
 * 2. The signal handler runs in whatever thread the kernel picks and may
 *    interrupt anything, so it does nothing but walk trees, set flags and
 *    write(2) to event_raw descriptors: no allocation, no mutex.  Mutual
 *    exclusion is a spinlock.  The handler runs with every signal blocked
 *    (its sa_mask is full); everybody else blocks every signal in their
 *    own thread before taking the lock.  So the holder is never
 *    interrupted by a handler that would spin on the lock in the
 *    holder's own thread, and a handler in another thread waits only for
 *    a few instructions (or one sigaction call).
 * 3. Each registration owns an iv_event_raw in its registering thread's
 *    loop.  The handler sets `active' and posts the event_raw only if the
 *    flag was clear; the loop side clears the flag just before the
 *    user's handler runs.  A signal that arrives before the clear is
 *    covered by the call that follows it; one that arrives after it
 *    causes one more call.  Both sides use atomic operations on the flag,
 *    so the loop side needs neither the lock nor a signal mask: a
 *    delivery costs the read of the event_raw and nothing more.
 * 4. fork: the child inherits the registry, but not the threads whose
 *    loops would run the handlers, and it shares the parent's event_raw
 *    descriptors, so a post from the child would wake the parent.
 *    owner_pid says which process the registry belongs to: the handler
 *    does nothing in any other process, and the first registration in a
 *    child forgets the inherited registry and resets the signals it had
 *    caught to SIG_DFL.  pthread_atfork handlers hold the lock across
 *    fork(), so the child never inherits it taken.
 * 5. The private tree of a thread dies with its loop: iv_deinit() (or
 *    thread exit) drops the registrations that were left in it, and a
 *    signal whose last registration goes that way returns to SIG_DFL.
 */

#include <signal.h>
#include <string.h>
#include <iv_signal.h>
#include "iv_private.h"

struct signal_thr {
	struct iv_avl_tree	tree;		/* THIS_THREAD registrations */
};

static int compare(const struct iv_avl_node *_a,
		   const struct iv_avl_node *_b);
static void thr_init(void *_thr);
static void thr_deinit(void *_thr);

/* The registry: under the lock (signal_tls is only written at startup). */
static struct iv_avl_tree process_tree = IV_AVL_TREE_INIT(compare);
static unsigned int nreg[_NSIG];
static pid_t owner_pid;
static char lock_flag;

static struct iv_tls_user signal_tls = {
	.sizeof_state	= sizeof(struct signal_thr),
	.init_thread	= thr_init,
	.deinit_thread	= thr_deinit,
};

/* The caller's mask, saved by the fork preparation for the fork's end. */
static __thread sigset_t fork_mask __attribute__((tls_model("initial-exec")));

static int compare(const struct iv_avl_node *_a,
		   const struct iv_avl_node *_b)
{
	const struct iv_signal *a = iv_container_of(_a, struct iv_signal, an);
	const struct iv_signal *b = iv_container_of(_b, struct iv_signal, an);
	int xa = !(a->flags & IV_SIGNAL_FLAG_EXCLUSIVE);
	int xb = !(b->flags & IV_SIGNAL_FLAG_EXCLUSIVE);

	if (a->signum != b->signum)
		return a->signum < b->signum ? -1 : 1;
	if (xa != xb)
		return xa < xb ? -1 : 1;
	if (a != b)
		return (uintptr_t)a < (uintptr_t)b ? -1 : 1;
	return 0;
}

/* Precondition: all signals are blocked in the calling thread. */
static void spin_lock(void)
{
	while (__atomic_test_and_set(&lock_flag, __ATOMIC_ACQUIRE)) {
		while (__atomic_load_n(&lock_flag, __ATOMIC_RELAXED))
			;
	}
}

static void spin_unlock(void)
{
	__atomic_clear(&lock_flag, __ATOMIC_RELEASE);
}

/* For everybody but the signal handler: block signals, then lock. */
static void registry_lock(sigset_t *old)
{
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, old);
	spin_lock();
}

static void registry_unlock(const sigset_t *old)
{
	spin_unlock();
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

static struct signal_thr *thr_of(struct iv_state *st)
{
	return (struct signal_thr *)((char *)st + signal_tls.state_offset);
}

static void set_default(int signum)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(signum, &sa, NULL);
}

/*
 * The first registration of signum in tree, or NULL.  Under the lock;
 * async-signal-safe (no compare callback, only pointer walking).
 */
static struct iv_avl_node *first_of(const struct iv_avl_tree *tree,
				    int signum)
{
	struct iv_avl_node *an = tree->root;
	struct iv_avl_node *best = NULL;

	while (an != NULL) {
		const struct iv_signal *is;

		is = iv_container_of(an, struct iv_signal, an);
		if (is->signum >= signum) {
			if (is->signum == signum)
				best = an;
			an = an->left;
		} else {
			an = an->right;
		}
	}

	return best;
}

/*
 * Wakes the registrations of signum in tree, in tree order, up to and
 * including the first EXCLUSIVE one.  Returns whether tree had any.
 * Under the lock; async-signal-safe.
 */
static int wake(const struct iv_avl_tree *tree, int signum)
{
	struct iv_avl_node *an;
	int found = 0;

	for (an = first_of(tree, signum); an != NULL;
	     an = iv_avl_tree_next(an)) {
		struct iv_signal *is;

		is = iv_container_of(an, struct iv_signal, an);
		if (is->signum != signum)
			break;

		found = 1;
		if (!__atomic_exchange_n(&is->active, 1, __ATOMIC_SEQ_CST))
			iv_event_raw_post(&is->ev);
		if (is->flags & IV_SIGNAL_FLAG_EXCLUSIVE)
			break;
	}

	return found;
}

static void got_signal(int signum)
{
	int saved_errno = errno;
	struct iv_state *st;

	spin_lock();
	if (owner_pid == getpid()) {
		st = iv__get_state();
		if (st == NULL || !wake(&thr_of(st)->tree, signum))
			wake(&process_tree, signum);
	}
	spin_unlock();

	errno = saved_errno;
}

/* The event_raw handler, in the registering thread's loop. */
static void deliver(void *cookie)
{
	struct iv_signal *this = cookie;

	__atomic_store_n(&this->active, 0, __ATOMIC_SEQ_CST);
	this->handler(this->cookie);
}

/*
 * Unlinks every registration from tree and clears its links, so that a
 * later iv_signal_unregister() of it is recognised as misuse.  With
 * count, the registrations are also dropped from nreg[].  Under the lock.
 */
static void drain(struct iv_avl_tree *tree, int count)
{
	while (tree->root != NULL) {
		struct iv_avl_node *an = tree->root;
		struct iv_signal *is;

		is = iv_container_of(an, struct iv_signal, an);
		iv_avl_tree_delete(tree, an);
		memset(an, 0, sizeof(*an));
		__atomic_store_n(&is->active, 0, __ATOMIC_RELAXED);
		if (count && --nreg[is->signum] == 0)
			set_default(is->signum);
	}
}

/*
 * In a forked child: drop what the parent had registered and give the
 * signals it caught back their default action.  Under the lock.
 */
static void forget_inherited(struct iv_state *st, pid_t pid)
{
	int signum;

	for (signum = 1; signum < _NSIG; signum++) {
		if (nreg[signum]) {
			nreg[signum] = 0;
			set_default(signum);
		}
	}
	drain(&process_tree, 0);
	drain(&thr_of(st)->tree, 0);
	owner_pid = pid;
}

static struct iv_avl_tree *tree_for(struct iv_state *st,
				    const struct iv_signal *this)
{
	if (this->flags & IV_SIGNAL_FLAG_THIS_THREAD)
		return &thr_of(st)->tree;
	return &process_tree;
}

/* Whether an is linked into tree (unregister clears a node's links). */
static int in_tree(const struct iv_avl_tree *tree,
		   const struct iv_avl_node *an)
{
	while (an->parent != NULL)
		an = an->parent;
	return an == tree->root;
}

IV_EXPORT int iv_signal_register(struct iv_signal *this)
{
	struct iv_state *st;
	struct iv_avl_tree *tree;
	sigset_t old;
	pid_t pid;

	if (this->signum < 0 || this->signum >= _NSIG) {
		errno = EINVAL;
		return -1;
	}
	st = iv__state_for(__func__);
	tree = tree_for(st, this);

	/* The descriptor comes first: the handler may post it as soon as
	 * the registration is in the tree. */
	IV_EVENT_RAW_INIT(&this->ev);
	this->ev.cookie = this;
	this->ev.handler = deliver;
	if (iv_event_raw_register(&this->ev) < 0)
		return -1;
	this->active = 0;

	pid = getpid();
	registry_lock(&old);
	if (owner_pid != pid)
		forget_inherited(st, pid);

	if (nreg[this->signum] == 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = got_signal;
		sigfillset(&sa.sa_mask);
		sa.sa_flags = SA_RESTART;
		if (sigaction(this->signum, &sa, NULL) < 0) {
			int err = errno;

			registry_unlock(&old);
			iv_event_raw_unregister(&this->ev);
			iv_fatal("iv_signal_register: sigaction got error "
				 "%d[%s]", err, strerror(err));
		}
	}
	nreg[this->signum]++;
	iv_avl_tree_insert(tree, &this->an);
	registry_unlock(&old);

	return 0;
}

IV_EXPORT void iv_signal_unregister(struct iv_signal *this)
{
	struct iv_state *st;
	struct iv_avl_tree *tree;
	int signum = this->signum;
	sigset_t old;
	pid_t pid;

	if (signum < 0 || signum >= _NSIG)
		iv_fatal("iv_signal_unregister: signal number out of range");
	st = iv__state_for(__func__);
	tree = tree_for(st, this);

	pid = getpid();
	registry_lock(&old);
	if (owner_pid != pid || !in_tree(tree, &this->an)) {
		registry_unlock(&old);
		iv_fatal("iv_signal_unregister: called with signal not "
			 "registered");
	}

	iv_avl_tree_delete(tree, &this->an);
	memset(&this->an, 0, sizeof(this->an));

	if (--nreg[signum] == 0) {
		set_default(signum);
	} else if (__atomic_load_n(&this->active, __ATOMIC_RELAXED) &&
		   (this->flags & IV_SIGNAL_FLAG_EXCLUSIVE)) {
		/* It took a signal that it will not handle now: hand it on,
		 * as if it had arrived without this registration. */
		if (!wake(tree, signum) && tree != &process_tree)
			wake(&process_tree, signum);
	}
	__atomic_store_n(&this->active, 0, __ATOMIC_RELAXED);
	registry_unlock(&old);

	iv_event_raw_unregister(&this->ev);
}

static void thr_init(void *_thr)
{
	struct signal_thr *thr = _thr;
	sigset_t old;

	registry_lock(&old);
	INIT_IV_AVL_TREE(&thr->tree, compare);
	registry_unlock(&old);
}

static void thr_deinit(void *_thr)
{
	struct signal_thr *thr = _thr;
	sigset_t old;

	registry_lock(&old);
	drain(&thr->tree, owner_pid == getpid());
	registry_unlock(&old);
}

static void fork_prepare(void)
{
	registry_lock(&fork_mask);
}

static void fork_parent(void)
{
	registry_unlock(&fork_mask);
}

static void fork_child(void)
{
	spin_unlock();
	pthread_sigmask(SIG_SETMASK, &fork_mask, NULL);
}

__attribute__((constructor)) static void signal_module_init(void)
{
	iv_tls_user_register(&signal_tls);
	pthread_atfork(fork_prepare, fork_parent, fork_child);
}
