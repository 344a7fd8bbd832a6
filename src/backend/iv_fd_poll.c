/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The "ppoll" and "poll" poll methods. */

/*
 * Notes on this kernel API.
 *
 * 1. poll() has no kernel-side set: the pollfd array is ours, so interest
 *    changes are applied to it at once and cost no system call.  Slots
 *    are packed; removing one moves the last slot into the hole.
 * 2. The array is only changed by handlers, which run after the results
 *    of one poll() were collected, so collecting never sees a moving
 *    array.
 * 3. POLLERR, POLLHUP and POLLNVAL are reported whether asked for or not.
 *    POLLNVAL means the fd was closed while registered; ivykis then spins
 *    without calling anything.  Liana makes every band ready instead, so
 *    the handlers run and get EBADF from their own calls.
 * 4. Regular files always poll as ready; iv_fd_register_try() accepts
 *    them here, unlike under epoll.
 * 5. poll() takes milliseconds (rounded up: never early); ppoll() takes a
 *    timespec, so "ppoll" wakes within the kernel's timer slack.
 */

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include "../iv_private.h"

static int poll_init(struct iv_state *st)
{
	struct iv_poll_state *p = &st->u.poll;

	p->pfds = NULL;
	p->fds = NULL;
	p->num = 0;
	p->cap = 0;
	return 0;
}

static void poll_deinit(struct iv_state *st)
{
	struct iv_poll_state *p = &st->u.poll;

	free(p->pfds);
	free(p->fds);
}

static short band_events(uint8_t bands)
{
	short events = 0;

	if (bands & MASKIN)
		events |= POLLIN | POLLHUP;
	if (bands & MASKOUT)
		events |= POLLOUT | POLLHUP;
	if (bands & MASKERR)
		events |= POLLHUP;
	return events;
}

static void grow(struct iv_poll_state *p)
{
	int cap = p->cap ? 2 * p->cap : 64;
	struct pollfd *pfds;
	struct iv_fd_ **fds;

	pfds = realloc(p->pfds, cap * sizeof(*pfds));
	if (pfds == NULL)
		iv_fatal("iv_fd_register: out of memory");
	p->pfds = pfds;
	fds = realloc(p->fds, cap * sizeof(*fds));
	if (fds == NULL)
		iv_fatal("iv_fd_register: out of memory");
	p->fds = fds;
	p->cap = cap;
}

static void remove_slot(struct iv_poll_state *p, struct iv_fd_ *fd)
{
	int i = fd->index;

	if (i < 0)
		return;
	p->num--;
	if (i != p->num) {
		p->pfds[i] = p->pfds[p->num];
		p->fds[i] = p->fds[p->num];
		p->fds[i]->index = i;
	}
	fd->index = -1;
}

static void poll_notify_fd(struct iv_state *st, struct iv_fd_ *fd)
{
	struct iv_poll_state *p = &st->u.poll;

	if (fd->wanted_bands == 0) {
		remove_slot(p, fd);
		return;
	}
	if (fd->index < 0) {
		if (p->num == p->cap)
			grow(p);
		fd->index = p->num++;
		p->fds[fd->index] = fd;
		p->pfds[fd->index].fd = fd->fd;
		p->pfds[fd->index].revents = 0;
	}
	p->pfds[fd->index].events = band_events(fd->wanted_bands);
}

static int poll_notify_fd_sync(struct iv_state *st, struct iv_fd_ *fd)
{
	struct pollfd pfd = { .fd = fd->fd, .events = POLLIN | POLLOUT };
	int ret;

	do {
		ret = poll(&pfd, 1, 0);
	} while (ret < 0 && errno == EINTR);
	if (ret < 0)
		return -errno;
	if (pfd.revents & POLLNVAL)
		return -EBADF;

	poll_notify_fd(st, fd);
	return 0;
}

static void poll_unregister_fd(struct iv_state *st, struct iv_fd_ *fd)
{
	remove_slot(&st->u.poll, fd);
}

static void collect(struct iv_state *st, int n)
{
	struct iv_poll_state *p = &st->u.poll;

	for (int i = 0; i < p->num && n > 0; i++) {
		short re = p->pfds[i].revents;
		int bands = 0;

		if (re == 0)
			continue;
		n--;
		if (re & (POLLIN | POLLERR | POLLHUP | POLLNVAL))
			bands |= MASKIN;
		if (re & (POLLOUT | POLLERR | POLLHUP | POLLNVAL))
			bands |= MASKOUT;
		if (re & (POLLERR | POLLHUP | POLLNVAL))
			bands |= MASKERR;
		iv__fd_make_ready(st, p->fds[i], bands);
	}
}

static void poll_poll(struct iv_state *st, int64_t deadline)
{
	struct iv_poll_state *p = &st->u.poll;
	int n;

	n = poll(p->pfds, p->num, iv__timeout_ms(st, deadline));
	st->now_valid = 0;
	if (n < 0) {
		if (errno == EINTR)
			return;
		iv_fatal("iv_fd_poll_poll: got error %d[%s]", errno,
			 strerror(errno));
	}
	collect(st, n);
}

static void ppoll_poll(struct iv_state *st, int64_t deadline)
{
	struct iv_poll_state *p = &st->u.poll;
	int64_t ns = iv__timeout_ns(st, deadline);
	struct timespec ts;
	int n;

	ts.tv_sec = ns / 1000000000;
	ts.tv_nsec = ns % 1000000000;
	n = ppoll(p->pfds, p->num, ns < 0 ? NULL : &ts, NULL);
	st->now_valid = 0;
	if (n < 0) {
		if (errno == EINTR)
			return;
		iv_fatal("iv_fd_poll_ppoll: got error %d[%s]", errno,
			 strerror(errno));
	}
	collect(st, n);
}

const struct iv_fd_poll_method iv_fd_poll_method_ppoll = {
	.name		= "ppoll",
	.init		= poll_init,
	.poll		= ppoll_poll,
	.notify_fd	= poll_notify_fd,
	.notify_fd_sync	= poll_notify_fd_sync,
	.unregister_fd	= poll_unregister_fd,
	.deinit		= poll_deinit,
};

const struct iv_fd_poll_method iv_fd_poll_method_poll = {
	.name		= "poll",
	.init		= poll_init,
	.poll		= poll_poll,
	.notify_fd	= poll_notify_fd,
	.notify_fd_sync	= poll_notify_fd_sync,
	.unregister_fd	= poll_unregister_fd,
	.deinit		= poll_deinit,
};
