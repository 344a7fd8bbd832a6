/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_event_raw: an eventfd (or a pipe) whose write side any thread, signal
 * handler or forked process may poke. */

/*
 * Notes.
 *
 * 1. eventfd: one fd for both ends; a write adds to a counter and a read
 *    returns and clears it, so any number of posts before the handler
 *    runs end in one call.
 * 2. pipe: the fallback where eventfd is missing, and forced by the build
 *    option IV_FORCE_PIPE or the environment variable
 *    IV_EVENT_RAW_FORCE_PIPE=1 so that tests cover it.  One byte per
 *    post; the handler runs once per read of up to 1024 bytes.
 * 3. Posting is a single write(2): async-signal-safe, errno is preserved
 *    for the interrupted code, and a full pipe (EAGAIN) already means
 *    "a wake-up is pending", so it is not an error.
 */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <iv_event_raw.h>
#include "iv_private.h"

/* -1: undecided; 0: eventfd works; 1: use pipes. */
static int use_pipe = -1;

static int want_pipe(void)
{
	int v = __atomic_load_n(&use_pipe, __ATOMIC_RELAXED);

	if (v < 0) {
		const char *env = getenv("IV_EVENT_RAW_FORCE_PIPE");

#ifdef IV_FORCE_PIPE
		v = 1;
#else
		v = env != NULL && *env && strcmp(env, "0");
#endif
		__atomic_store_n(&use_pipe, v, __ATOMIC_RELAXED);
	}
	return v;
}

static void got_event(void *_this)
{
	struct iv_event_raw *self = _this;
	char buf[1024];
	ssize_t ret;

	do {
		ret = read(self->event_rfd.fd, buf, sizeof(buf));
	} while (ret < 0 && errno == EINTR);

	if (ret == 0)
		iv_fatal("iv_event_raw: reading from event fd returned zero");
	if (ret < 0) {
		if (errno == EAGAIN)
			return;
		iv_fatal("iv_event_raw: reading from event fd returned "
			 "error %d[%s]", errno, strerror(errno));
	}

	self->handler(self->cookie);
}

/* Open the descriptor pair.  Returns 0 or -errno. */
int iv__event_fds_open(int *rfd, int *wfd)
{
	int p[2];

	if (!want_pipe()) {
		int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);

		if (fd >= 0) {
			*rfd = *wfd = fd;
			return 0;
		}
		if (errno != ENOSYS && errno != EINVAL)
			return -errno;
		__atomic_store_n(&use_pipe, 1, __ATOMIC_RELAXED);
	}

	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
		return -errno;
	*rfd = p[0];
	*wfd = p[1];
	return 0;
}

IV_EXPORT int iv_event_raw_register(struct iv_event_raw *self)
{
	int rfd = -1;
	int wfd = -1;
	int err;

	iv__state_for(__func__);

	err = iv__event_fds_open(&rfd, &wfd);
	if (err < 0) {
		errno = -err;
		return -1;
	}

	IV_FD_INIT(&self->event_rfd);
	self->event_rfd.fd = rfd;
	self->event_rfd.cookie = self;
	self->event_rfd.handler_in = got_event;
	iv_fd_register(&self->event_rfd);
	self->event_wfd = wfd;

	return 0;
}

IV_EXPORT void iv_event_raw_unregister(struct iv_event_raw *self)
{
	iv_fd_unregister(&self->event_rfd);
	close(self->event_rfd.fd);
	if (self->event_wfd != self->event_rfd.fd)
		close(self->event_wfd);
}

/*
 * One write: an 8-byte increment for an eventfd, one byte for a pipe.
 * A full pipe (EAGAIN) already holds a wake-up.  The raw system call
 * skips libc's cancellation-point bookkeeping: a write that cannot block
 * has no reason to be a cancellation point.
 */
void iv__event_fds_post(int rfd, int wfd)
{
	static const uint64_t one = 1;
	int saved_errno = errno;
	long ret;

	do {
		ret = syscall(SYS_write, wfd, &one, wfd == rfd ? 8 : 1);
	} while (ret < 0 && errno == EINTR);
	errno = saved_errno;
}

IV_EXPORT void iv_event_raw_post(const struct iv_event_raw *self)
{
	iv__event_fds_post(self->event_rfd.fd, self->event_wfd);
}
