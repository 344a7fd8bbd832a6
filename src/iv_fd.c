/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fd: level-triggered fd readiness, dispatched in the order err, in, out. */

#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include "iv_private.h"

void iv__fd_init(struct iv_state *st)
{
	INIT_IV_LIST_HEAD(&st->active);
}

/* Bands the kernel should watch, from the handlers that are set. */
static uint8_t wanted_bands(const struct iv_fd_ *fd)
{
	uint8_t bands = 0;

	if (fd->handler_in != NULL)
		bands |= MASKIN;
	if (fd->handler_out != NULL)
		bands |= MASKOUT;
	if (fd->handler_err != NULL)
		bands |= MASKERR;
	return bands;
}

void iv__fd_make_ready(struct iv_state *st, struct iv_fd_ *fd, int bands)
{
	if (fd->ready_bands == 0)
		iv_list_add_tail(&fd->list_active, &st->active);
	fd->ready_bands |= bands;
}

/*
 * The kernel says the fd number is no longer valid: it was closed while
 * registered.  Rather than spin or abort, report it on every band so the
 * handlers run and see the error from their own calls.
 */
int iv__fd_kernel_error(struct iv_state *st, struct iv_fd_ *fd, int err)
{
	if (err != EBADF)
		return -1;
	fd->dead = 1;
	fd->in_kernel = 0;
	fd->kernel_bands = 0;
	iv__fd_make_ready(st, fd, MASKIN | MASKOUT | MASKERR);
	return 0;
}

/*
 * Run the ready batch.  A handler may unregister (and free) any fd,
 * including its own: unregistering takes the fd off the batch and clears
 * st->handled_fd, which is all this loop looks at afterwards.
 */
void iv__fd_run_active(struct iv_state *st)
{
	while (!iv_list_empty(&st->active)) {
		struct iv_fd_ *fd;
		uint8_t bands;

		fd = iv_list_entry(st->active.next, struct iv_fd_, list_active);
		iv_list_del_init(&fd->list_active);
		bands = fd->ready_bands;
		fd->ready_bands = 0;
		iv__fd_call(st, fd, bands);
	}
	st->handled_fd = NULL;
}

IV_EXPORT void IV_FD_INIT(struct iv_fd *_fd)
{
	struct iv_fd_ *fd = (struct iv_fd_ *)_fd;

	fd->fd = -1;
	fd->handler_in = NULL;
	fd->handler_out = NULL;
	fd->handler_err = NULL;
	fd->registered = 0;
}

/* Both register calls report misuse as iv_fd_register, as ivykis does. */
static void check_new(struct iv_fd_ *fd)
{
	if (fd->registered)
		iv_fatal("iv_fd_register: called with fd which is still "
			 "registered");
	if (fd->fd < 0)
		iv_fatal("iv_fd_register: called with invalid fd %d", fd->fd);
}

/* Bookkeeping shared by iv_fd_register() and iv_fd_register_try(). */
static void mark_registered(struct iv_state *st, struct iv_fd_ *fd)
{
	int flags;

	fd->registered = 1;
	st->numobjs++;

	/* As ivykis does: the loop needs non-blocking fds, children need
	 * not inherit them, and urgent TCP data must not raise SIGURG. */
	flags = fcntl(fd->fd, F_GETFL);
	if (flags >= 0 && !(flags & O_NONBLOCK))
		fcntl(fd->fd, F_SETFL, flags | O_NONBLOCK);
	flags = fcntl(fd->fd, F_GETFD);
	if (flags >= 0 && !(flags & FD_CLOEXEC))
		fcntl(fd->fd, F_SETFD, flags | FD_CLOEXEC);
	flags = 1;
	setsockopt(fd->fd, SOL_SOCKET, SO_OOBINLINE, &flags, sizeof(flags));
}

static void reset_private(struct iv_fd_ *fd)
{
	INIT_IV_LIST_HEAD(&fd->list_active);
	INIT_IV_LIST_HEAD(&fd->list_notify);
	fd->index = -1;
	fd->ready_bands = 0;
	fd->kernel_bands = 0;
	fd->in_kernel = 0;
	fd->dead = 0;
	fd->edge = 0;
	fd->wanted_bands = wanted_bands(fd);
}

IV_EXPORT void iv_fd_register(struct iv_fd *_fd)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_fd_ *fd = (struct iv_fd_ *)_fd;

	check_new(fd);
	reset_private(fd);
	mark_registered(st, fd);
	iv__method->notify_fd(st, fd);
}

IV_EXPORT int iv_fd_register_try(struct iv_fd *_fd)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_fd_ *fd = (struct iv_fd_ *)_fd;
	int err;

	check_new(fd);
	reset_private(fd);
	err = iv__method->notify_fd_sync(st, fd);
	if (err < 0) {
		errno = -err;
		return -1;
	}
	mark_registered(st, fd);
	return 0;
}

IV_EXPORT void iv_fd_unregister(struct iv_fd *_fd)
{
	struct iv_state *st = iv__state_for(__func__);
	struct iv_fd_ *fd = (struct iv_fd_ *)_fd;

	if (!fd->registered)
		iv_fatal("%s: called with fd which is not registered",
			 __func__);
	fd->registered = 0;

	iv_list_del_init(&fd->list_active);
	fd->ready_bands = 0;
	if (st->handled_fd == fd)
		st->handled_fd = NULL;

	fd->wanted_bands = 0;
	iv__method->unregister_fd(st, fd);

	st->numobjs--;
}

IV_EXPORT int iv_fd_registered(const struct iv_fd *_fd)
{
	const struct iv_fd_ *fd = (const struct iv_fd_ *)_fd;

	return fd->registered;
}

static void set_handler(const char *func, struct iv_fd_ *fd,
			void (**slot)(void *), void (*handler)(void *))
{
	struct iv_state *st = iv__state_for(func);
	uint8_t bands;

	if (!fd->registered)
		iv_fatal("%s: called with fd which is not registered", func);

	*slot = handler;
	bands = wanted_bands(fd);
	if (bands != fd->wanted_bands) {
		fd->wanted_bands = bands;
		iv__method->notify_fd(st, fd);
	}
}

IV_EXPORT void iv_fd_set_handler_in(struct iv_fd *_fd, void (*h)(void *))
{
	struct iv_fd_ *fd = (struct iv_fd_ *)_fd;

	set_handler(__func__, fd, &fd->handler_in, h);
}

IV_EXPORT void iv_fd_set_handler_out(struct iv_fd *_fd, void (*h)(void *))
{
	struct iv_fd_ *fd = (struct iv_fd_ *)_fd;

	set_handler(__func__, fd, &fd->handler_out, h);
}

IV_EXPORT void iv_fd_set_handler_err(struct iv_fd *_fd, void (*h)(void *))
{
	struct iv_fd_ *fd = (struct iv_fd_ *)_fd;

	set_handler(__func__, fd, &fd->handler_err, h);
}
