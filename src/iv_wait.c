/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_wait: state changes of child processes, reported in the registering
 * thread. */

/*
 * Design.
 *
 * 1. Only pids that have an interest are ever waited for, one at a time
 *    with wait4(pid, ..., WNOHANG | WUNTRACED | WCONTINUED) (wait4 rather
 *    than waitid because it also returns the rusage).  Never wait4(-1):
 *    every other child stays the application's to reap, and a status
 *    nobody asked about cannot reach us at all.
 * 2. Two things make us look.  Where the kernel has pidfd_open(), each
 *    interest holds a pidfd registered as an iv_fd: it turns readable
 *    when the child exits, without any signal.  Stops and continues have
 *    no pidfd event, so each thread with interests also holds a
 *    non-exclusive iv_signal for SIGCHLD, and on it looks at all of its
 *    own interests (O(interests) per SIGCHLD; a thread rarely has many).
 *    Non-exclusive, unlike ivykis: the application's own non-exclusive
 *    SIGCHLD registrations keep being woken.  An application EXCLUSIVE
 *    SIGCHLD registration starves ours; exits still arrive through the
 *    pidfds, but stops and continues are then not seen.
 * 3. A status is queued on the interest (events_pending) and the
 *    interest's iv_event is posted; the event's handler runs the user's
 *    handler once per queued status, in order.  The death status uses a
 *    record inside the private part, so it can never be lost to a failed
 *    allocation; a stop or continue that cannot be allocated is dropped.
 * 4. One mutex orders reaping against iv_wait_interest_kill(), which any
 *    thread may call: the reaping wait4() and the "dead" flag change
 *    together under it, and kill() happens under it only while the flag
 *    is clear, so the pid cannot have been reused.  With a pidfd the
 *    signal goes through pidfd_send_signal(), which cannot hit another
 *    process in any case.
 * 5. A pid that is not a waitable child of the process when it is
 *    registered (never ours, or already reaped) gives an interest that is
 *    dead from the start: its handler is never called and kill returns
 *    -ESRCH.  The same happens if somebody else reaps the child first.
 * 6. iv_wait_interest_register_spawn() sets everything up that can fail,
 *    then forks, then gives the interest its pid.  Nothing but us waits
 *    for that pid, so there is no window in which its status can be
 *    taken.  In the child, the signals that iv_signal catches go back to
 *    SIG_DFL before fn runs.
 *
 * Fields of struct iv_wait_interest: avl_node links the interest into its
 * thread's tree, ev and events_pending are as above, dummy points at the
 * private part and flags holds the WAIT_* bits (written under the mutex).
 */

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <iv_signal.h>
#include <iv_wait.h>
#include "iv_private.h"

#define WAIT_REGISTERED		1
#define WAIT_DEAD		2

/* One queued status. */
struct wait_rec {
	struct iv_list_head	list;
	int			status;
	struct rusage		ru;
};

/* What a registered interest owns besides its public fields. */
struct wait_priv {
	struct wait_thr		*thr;
	struct iv_fd		pidfd;		/* fd -1: none */
	int			kill_fd;	/* pidfd, under wait_lock */
	struct wait_rec		final;		/* the death status */
};

/* One thread's interests. */
struct wait_thr {
	struct iv_avl_tree	interests;
	int			count;		/* including half-spawned */
	struct iv_signal	sigchld;
	struct iv_wait_interest	*delivering;
};

static void thr_init(void *_thr);
static void thr_deinit(void *_thr);

static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;

static struct iv_tls_user wait_tls = {
	.sizeof_state	= sizeof(struct wait_thr),
	.init_thread	= thr_init,
	.deinit_thread	= thr_deinit,
};

static struct wait_thr *thr_of(struct iv_state *st)
{
	return (struct wait_thr *)((char *)st + wait_tls.state_offset);
}

static int compare(const struct iv_avl_node *_a, const struct iv_avl_node *_b)
{
	const struct iv_wait_interest *a;
	const struct iv_wait_interest *b;

	a = iv_container_of(_a, struct iv_wait_interest, avl_node);
	b = iv_container_of(_b, struct iv_wait_interest, avl_node);
	if (a->pid != b->pid)
		return a->pid < b->pid ? -1 : 1;
	if (a != b)
		return (uintptr_t)a < (uintptr_t)b ? -1 : 1;
	return 0;
}

static int sys_pidfd_open(pid_t pid)
{
#ifdef SYS_pidfd_open
	return (int)syscall(SYS_pidfd_open, pid, 0);
#else
	errno = ENOSYS;
	return -1;
#endif
}

static int sys_pidfd_send_signal(int pidfd, int sig)
{
#ifdef SYS_pidfd_send_signal
	return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0);
#else
	errno = ENOSYS;
	return -1;
#endif
}

/* Precondition: owner thread; the interest will not be killed through
 * its pidfd any more (dead, or kill_fd already cleared). */
static void drop_pidfd(struct wait_priv *priv)
{
	if (priv->pidfd.fd < 0)
		return;
	iv_fd_unregister(&priv->pidfd);
	close(priv->pidfd.fd);
	priv->pidfd.fd = -1;
}

/*
 * Collect every status the kernel has for the interest's pid, queue them
 * and post the event.  Returns the number queued.  Owner thread only.
 */
static int poll_interest(struct iv_wait_interest *this)
{
	struct wait_priv *priv = this->dummy;
	int queued = 0;

	pthread_mutex_lock(&wait_lock);
	while (!(this->flags & WAIT_DEAD)) {
		struct wait_rec *rec;
		struct rusage ru;
		int status;
		pid_t ret;

		ret = wait4(this->pid, &status,
			    WNOHANG | WUNTRACED | WCONTINUED, &ru);
		if (ret == 0)
			break;
		if (ret < 0) {
			if (errno == EINTR)
				continue;
			/* ECHILD: not our child, or reaped by somebody
			 * else.  There is no status to report. */
			this->flags |= WAIT_DEAD;
			break;
		}

		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			this->flags |= WAIT_DEAD;
			rec = &priv->final;
		} else {
			rec = malloc(sizeof(*rec));
			if (rec == NULL)
				continue;
		}
		rec->status = status;
		rec->ru = ru;
		iv_list_add_tail(&rec->list, &this->events_pending);
		queued++;
	}
	if (this->flags & WAIT_DEAD)
		priv->kill_fd = -1;
	pthread_mutex_unlock(&wait_lock);

	if (this->flags & WAIT_DEAD)
		drop_pidfd(priv);
	if (queued)
		iv_event_post(&this->ev);

	return queued;
}

static void pidfd_ready(void *cookie)
{
	struct iv_wait_interest *this = cookie;
	struct wait_priv *priv = this->dummy;

	if (poll_interest(this) == 0 && !(this->flags & WAIT_DEAD)) {
		/* Readable, yet nothing to reap: never spin on it, rely on
		 * SIGCHLD for this child from now on. */
		pthread_mutex_lock(&wait_lock);
		priv->kill_fd = -1;
		pthread_mutex_unlock(&wait_lock);
		drop_pidfd(priv);
	}
}

static void got_sigchld(void *cookie)
{
	struct wait_thr *thr = cookie;
	struct iv_avl_node *an;

	iv_avl_tree_for_each (an, &thr->interests) {
		struct iv_wait_interest *this;

		this = iv_container_of(an, struct iv_wait_interest, avl_node);
		if (!(this->flags & WAIT_DEAD))
			poll_interest(this);
	}
}

/* The interest's event: run the handler for each queued status. */
static void deliver(void *cookie)
{
	struct iv_wait_interest *this = cookie;
	struct wait_priv *priv = this->dummy;
	struct wait_thr *thr = priv->thr;

	thr->delivering = this;
	while (thr->delivering == this &&
	       !iv_list_empty(&this->events_pending)) {
		struct wait_rec *rec;
		struct wait_rec copy;

		rec = iv_list_entry(this->events_pending.next,
				    struct wait_rec, list);
		iv_list_del(&rec->list);
		copy = *rec;
		if (rec != &priv->final)
			free(rec);

		/* May unregister, even free, the interest: unregister
		 * clears thr->delivering, which ends the loop. */
		this->handler(this->cookie, copy.status, &copy.ru);
	}
	if (thr->delivering == this)
		thr->delivering = NULL;
}

/*
 * The part of registration that can fail, done before any pid is known.
 * Returns 0 or a negative errno value.
 */
static int prepare(struct iv_wait_interest *this, struct wait_thr *thr)
{
	struct wait_priv *priv;
	int err;

	priv = calloc(1, sizeof(*priv));
	if (priv == NULL)
		return -ENOMEM;
	priv->thr = thr;
	IV_FD_INIT(&priv->pidfd);
	priv->pidfd.fd = -1;
	priv->kill_fd = -1;

	IV_EVENT_INIT(&this->ev);
	this->ev.cookie = this;
	this->ev.handler = deliver;
	errno = EMFILE;
	if (iv_event_register(&this->ev) < 0) {
		err = errno;
		free(priv);
		return -err;
	}

	if (thr->count == 0) {
		IV_SIGNAL_INIT(&thr->sigchld);
		thr->sigchld.signum = SIGCHLD;
		thr->sigchld.flags = 0;
		thr->sigchld.cookie = thr;
		thr->sigchld.handler = got_sigchld;
		errno = EMFILE;
		if (iv_signal_register(&thr->sigchld) < 0) {
			err = errno;
			iv_event_unregister(&this->ev);
			free(priv);
			return -err;
		}
	}
	thr->count++;

	INIT_IV_LIST_HEAD(&this->events_pending);
	this->dummy = priv;
	this->flags = 0;

	return 0;
}

/* Undo prepare(); nothing was queued. */
static void unprepare(struct iv_wait_interest *this, struct wait_thr *thr)
{
	iv_event_unregister(&this->ev);
	free(this->dummy);
	this->dummy = NULL;
	if (--thr->count == 0)
		iv_signal_unregister(&thr->sigchld);
}

/* The pid is known: watch it, then look for statuses already there. */
static void attach(struct iv_wait_interest *this, struct wait_thr *thr)
{
	struct wait_priv *priv = this->dummy;
	unsigned int flags = WAIT_REGISTERED;
	int fd = -1;

	iv_avl_tree_insert(&thr->interests, &this->avl_node);

	if (this->pid > 0) {
		fd = sys_pidfd_open(this->pid);
		if (fd >= 0) {
			priv->pidfd.fd = fd;
			priv->pidfd.cookie = this;
			priv->pidfd.handler_in = pidfd_ready;
			if (iv_fd_register_try(&priv->pidfd) < 0) {
				close(fd);
				priv->pidfd.fd = -1;
				fd = -1;
			}
		}
	} else {
		/* wait4() would read 0 and -1 as "any child". */
		flags |= WAIT_DEAD;
	}

	pthread_mutex_lock(&wait_lock);
	priv->kill_fd = fd;
	this->flags = flags;
	pthread_mutex_unlock(&wait_lock);

	if (!(flags & WAIT_DEAD))
		poll_interest(this);
}

/* Release everything; the interest is already marked unregistered. */
static void release(struct iv_wait_interest *this, struct wait_priv *priv)
{
	struct wait_thr *thr = priv->thr;

	iv_avl_tree_delete(&thr->interests, &this->avl_node);
	drop_pidfd(priv);

	while (!iv_list_empty(&this->events_pending)) {
		struct wait_rec *rec;

		rec = iv_list_entry(this->events_pending.next,
				    struct wait_rec, list);
		iv_list_del(&rec->list);
		if (rec != &priv->final)
			free(rec);
	}
	INIT_IV_LIST_HEAD(&this->events_pending);

	iv_event_unregister(&this->ev);
	if (thr->delivering == this)
		thr->delivering = NULL;
	free(priv);

	if (--thr->count == 0)
		iv_signal_unregister(&thr->sigchld);
}

/* Mark unregistered under the lock; returns the private part. */
static struct wait_priv *unlink_interest(struct iv_wait_interest *this)
{
	struct wait_priv *priv;

	pthread_mutex_lock(&wait_lock);
	priv = this->dummy;
	this->flags = 0;
	this->dummy = NULL;
	priv->kill_fd = -1;
	pthread_mutex_unlock(&wait_lock);

	return priv;
}

IV_EXPORT void iv_wait_interest_register(struct iv_wait_interest *this)
{
	struct iv_state *st = iv__state_for(__func__);
	struct wait_thr *thr = thr_of(st);
	int err;

	err = prepare(this, thr);
	if (err < 0)
		iv_fatal("iv_wait_interest_register: can't set up interest: "
			 "%s", strerror(-err));
	attach(this, thr);
}

/*
 * In the forked child: signals the parent caught through iv_signal go
 * back to SIG_DFL.  iv_signal has one handler function for all signals,
 * and it is SIGCHLD's handler now (our own registration), so every
 * signal with that handler is one of them.
 */
static void reset_caught_signals(void)
{
	struct sigaction sa;
	void (*lib)(int);
	int sig;

	if (sigaction(SIGCHLD, NULL, &sa) < 0 || (sa.sa_flags & SA_SIGINFO))
		return;
	lib = sa.sa_handler;
	if (lib == SIG_DFL || lib == SIG_IGN)
		return;

	for (sig = 1; sig < _NSIG; sig++) {
		if (sigaction(sig, NULL, &sa) < 0)
			continue;
		if ((sa.sa_flags & SA_SIGINFO) || sa.sa_handler != lib)
			continue;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_DFL;
		sigemptyset(&sa.sa_mask);
		sigaction(sig, &sa, NULL);
	}
}

IV_EXPORT int iv_wait_interest_register_spawn(struct iv_wait_interest *this,
					      void (*fn)(void *cookie),
					      void *cookie)
{
	struct iv_state *st = iv__state_for(__func__);
	struct wait_thr *thr = thr_of(st);
	sigset_t all;
	sigset_t old;
	pid_t pid;
	int err;

	err = prepare(this, thr);
	if (err < 0) {
		errno = -err;
		return -1;
	}

	/* Until the child has reset the dispositions, a signal for it
	 * would reach the parent's handler and be dropped there: keep
	 * everything blocked until then. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	pid = fork();
	if (pid == 0) {
		reset_caught_signals();
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		fn(cookie);
		exit(1);
	}
	err = errno;
	pthread_sigmask(SIG_SETMASK, &old, NULL);

	if (pid < 0) {
		unprepare(this, thr);
		errno = err;
		return -1;
	}

	this->pid = pid;
	attach(this, thr);

	return 0;
}

IV_EXPORT void iv_wait_interest_unregister(struct iv_wait_interest *this)
{
	struct iv_state *st = iv__state_for(__func__);
	struct wait_priv *priv;

	if (!(this->flags & WAIT_REGISTERED) || this->dummy == NULL ||
	    ((struct wait_priv *)this->dummy)->thr != thr_of(st))
		iv_fatal("iv_wait_interest_unregister: called with interest "
			 "not registered in this thread");

	priv = unlink_interest(this);
	release(this, priv);
}

IV_EXPORT int iv_wait_interest_kill(const struct iv_wait_interest *this,
				    int sig)
{
	struct wait_priv *priv;
	int ret;
	int err;

	pthread_mutex_lock(&wait_lock);
	if (!(this->flags & WAIT_REGISTERED)) {
		pthread_mutex_unlock(&wait_lock);
		iv_fatal("iv_wait_interest_kill: called with interest not "
			 "registered");
	}
	if (this->flags & WAIT_DEAD) {
		pthread_mutex_unlock(&wait_lock);
		return -ESRCH;
	}

	priv = this->dummy;
	err = errno;
	ret = -1;
	errno = ENOSYS;
	if (priv->kill_fd >= 0)
		ret = sys_pidfd_send_signal(priv->kill_fd, sig);
	if (ret < 0 && errno == ENOSYS)
		ret = kill(this->pid, sig);
	if (ret < 0)
		err = errno;
	pthread_mutex_unlock(&wait_lock);
	errno = err;

	return ret;
}

/* For iv_popen: whether the interest is still registered. */
int iv__wait_interest_registered(const struct iv_wait_interest *this)
{
	return (this->flags & WAIT_REGISTERED) && this->dummy != NULL;
}

static void thr_init(void *_thr)
{
	struct wait_thr *thr = _thr;

	INIT_IV_AVL_TREE(&thr->interests, compare);
	thr->count = 0;
	thr->delivering = NULL;
}

/* The loop goes: interests still registered let go of what they hold. */
static void thr_deinit(void *_thr)
{
	struct wait_thr *thr = _thr;

	while (thr->interests.root != NULL) {
		struct iv_wait_interest *this;
		struct wait_priv *priv;

		this = iv_container_of(iv_avl_tree_min(&thr->interests),
				       struct iv_wait_interest, avl_node);
		priv = unlink_interest(this);
		release(this, priv);
	}
}

__attribute__((constructor)) static void wait_module_init(void)
{
	iv_tls_user_register(&wait_tls);
}
