/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_popen: run a program with one end of a pipe as its stdin or stdout. */

/*
 * Design.
 *
 * 1. A request's child record holds an iv_wait interest (spawned with
 *    iv_wait_interest_register_spawn) and the kill timer.  The record
 *    lives until the child has been reaped, which may be long after the
 *    request was closed and freed: request and record point at each other
 *    until the first of "child reaped" and "request closed" cuts the link.
 * 2. The child gets exactly three descriptors: the pipe end on stdin
 *    ("w") or stdout ("r"), /dev/null on the other two.  Everything else
 *    is closed before exec (close_range, or a walk of /proc/self/fd, or a
 *    loop up to the descriptor limit), so a popen child never holds a
 *    socket or another child's pipe open.  Between fork and exec only
 *    async-signal-safe calls are made.
 * 3. /dev/null and the pipe are opened in the parent, close-on-exec, so
 *    that their failures are reported to the caller and no other thread's
 *    child inherits them.  The end returned to the caller stays
 *    close-on-exec (ivykis clears the flag; callers normally hand the
 *    descriptor to iv_fd_register, which sets it anyway) and blocking.
 * 4. A failed exec ends the child with status 127, the shell's "command
 *    not found" (ivykis uses 1).
 * 5. Closing starts the kill timer: SIGTERM at once and every 5 seconds,
 *    SIGKILL from the sixth firing on, until the child is reaped or the
 *    signal cannot be sent.  Nothing ever blocks the loop.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <iv_popen.h>
#include <iv_wait.h>
#include "iv_private.h"

#define KILL_INTERVAL_SEC	5
#define TERM_TRIES		5
#define EXEC_FAILED		127

struct popen_child {
	struct iv_wait_interest	wait;
	struct iv_timer		kill_timer;
	struct iv_list_head	list;		/* on the thread's list */
	struct iv_state		*st;
	struct iv_popen_request	*req;		/* NULL once closed */
	int			kills;

	/* For the forked child only. */
	const char		*file;
	char			**argv;
	int			for_read;
	int			pipe_end;
	int			devnull;
};

/* One thread's child records, so that iv_deinit() can free them. */
struct popen_thr {
	struct iv_list_head	children;
};

static void thr_init(void *_thr);
static void thr_deinit(void *_thr);

static struct iv_tls_user popen_tls = {
	.sizeof_state	= sizeof(struct popen_thr),
	.init_thread	= thr_init,
	.deinit_thread	= thr_deinit,
};

static struct popen_thr *thr_of(struct iv_state *st)
{
	return (struct popen_thr *)((char *)st + popen_tls.state_offset);
}

/* Forked child: close every descriptor from lowfd up. */
static void close_from(int lowfd)
{
	struct rlimit rl;
	long max;
	int dir;

#ifdef SYS_close_range
	if (syscall(SYS_close_range, (unsigned int)lowfd, ~0U, 0) == 0)
		return;
#endif

	dir = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir >= 0) {
		/* Entries come in descriptor order, so closing the ones
		 * already listed does not disturb the walk. */
		char buf[4096] __attribute__((aligned(8)));
		long n;

		while ((n = syscall(SYS_getdents64, dir, buf,
				    sizeof(buf))) > 0) {
			long off = 0;

			while (off < n) {
				struct dirent64 *d = (void *)(buf + off);
				const char *p = d->d_name;
				int fd = 0;

				off += d->d_reclen;
				if (*p < '0' || *p > '9')
					continue;
				while (*p >= '0' && *p <= '9')
					fd = fd * 10 + (*p++ - '0');
				if (fd >= lowfd && fd != dir)
					close(fd);
			}
		}
		close(dir);
		if (n == 0)
			return;
	}

	max = 65536;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		max = (long)rl.rlim_cur;
	for (long fd = lowfd; fd < max; fd++)
		close((int)fd);
}

/* Runs in the forked child; never returns. */
static void child_exec(void *cookie)
{
	struct popen_child *c = cookie;
	sigset_t none;
	int pfd;
	int nfd;

	/* Lift both above 2 first: dup2() of a descriptor onto itself
	 * would leave its close-on-exec flag set. */
	pfd = fcntl(c->pipe_end, F_DUPFD_CLOEXEC, 3);
	nfd = fcntl(c->devnull, F_DUPFD_CLOEXEC, 3);
	if (pfd < 0 || nfd < 0)
		_exit(EXEC_FAILED);

	if (dup2(c->for_read ? nfd : pfd, 0) < 0 ||
	    dup2(c->for_read ? pfd : nfd, 1) < 0 ||
	    dup2(nfd, 2) < 0)
		_exit(EXEC_FAILED);
	close_from(3);

	/* A program starts with no signal blocked. */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	execvp(c->file, c->argv);
	_exit(EXEC_FAILED);
}

/* The record is done with: stop everything and free it. */
static void finish(struct popen_child *c)
{
	if (iv_timer_registered(&c->kill_timer))
		iv_timer_unregister(&c->kill_timer);
	if (iv__wait_interest_registered(&c->wait))
		iv_wait_interest_unregister(&c->wait);
	if (c->req != NULL)
		c->req->child = NULL;
	iv_list_del(&c->list);
	free(c);
}

static void child_changed(void *cookie, int status,
			  const struct rusage *rusage)
{
	struct popen_child *c = cookie;

	if (WIFEXITED(status) || WIFSIGNALED(status))
		finish(c);
}

static void kill_tick(void *cookie)
{
	struct popen_child *c = cookie;
	int sig = c->kills < TERM_TRIES ? SIGTERM : SIGKILL;

	c->kills++;
	if (iv_wait_interest_kill(&c->wait, sig) < 0) {
		/* Known dead (its status is on the way), or beyond our
		 * reach: either way there is nothing left to do. */
		finish(c);
		return;
	}

	iv_validate_now();
	c->kill_timer.expires = iv_now;
	c->kill_timer.expires.tv_sec += KILL_INTERVAL_SEC;
	iv_timer_register(&c->kill_timer);
}

IV_EXPORT int iv_popen_request_submit(struct iv_popen_request *this)
{
	struct iv_state *st = iv__state_for(__func__);
	struct popen_child *c;
	int for_read;
	int p[2];
	int devnull;
	int err;

	if (this->type != NULL && !strcmp(this->type, "r")) {
		for_read = 1;
	} else if (this->type != NULL && !strcmp(this->type, "w")) {
		for_read = 0;
	} else {
		fputs("iv_popen_request_submit: invalid type\n", stderr);
		return -1;
	}

	c = calloc(1, sizeof(*c));
	if (c == NULL) {
		fputs("iv_popen_request_submit: out of memory\n", stderr);
		return -1;
	}

	if (pipe2(p, O_CLOEXEC) < 0) {
		perror("pipe");
		free(c);
		return -1;
	}

	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (devnull < 0) {
		perror("iv_popen_request_submit: /dev/null");
		close(p[0]);
		close(p[1]);
		free(c);
		return -1;
	}

	c->st = st;
	c->file = this->file;
	c->argv = this->argv;
	c->for_read = for_read;
	c->pipe_end = for_read ? p[1] : p[0];
	c->devnull = devnull;
	IV_TIMER_INIT(&c->kill_timer);
	c->kill_timer.cookie = c;
	c->kill_timer.handler = kill_tick;
	IV_WAIT_INTEREST_INIT(&c->wait);
	c->wait.cookie = c;
	c->wait.handler = child_changed;

	if (iv_wait_interest_register_spawn(&c->wait, child_exec, c) < 0) {
		err = errno;
		close(p[0]);
		close(p[1]);
		close(devnull);
		free(c);
		errno = err;
		perror("fork");
		return -1;
	}

	close(c->pipe_end);
	close(devnull);
	c->pipe_end = -1;
	c->devnull = -1;

	c->req = this;
	this->child = c;
	iv_list_add_tail(&c->list, &thr_of(st)->children);

	return for_read ? p[0] : p[1];
}

IV_EXPORT void iv_popen_request_close(struct iv_popen_request *this)
{
	struct iv_state *st = iv__state_for(__func__);
	struct popen_child *c = this->child;

	if (c == NULL)
		return;
	if (c->st != st)
		iv_fatal("iv_popen_request_close: called in a thread other "
			 "than the submitting one");

	this->child = NULL;
	c->req = NULL;

	iv_validate_now();
	c->kill_timer.expires = iv_now;
	iv_timer_register(&c->kill_timer);
}

static void thr_init(void *_thr)
{
	struct popen_thr *thr = _thr;

	INIT_IV_LIST_HEAD(&thr->children);
}

/* The loop goes: records of children not yet reaped are freed. */
static void thr_deinit(void *_thr)
{
	struct popen_thr *thr = _thr;

	while (!iv_list_empty(&thr->children))
		finish(iv_list_entry(thr->children.next, struct popen_child,
				     list));
}

__attribute__((constructor)) static void popen_module_init(void)
{
	iv_tls_user_register(&popen_tls);
}
