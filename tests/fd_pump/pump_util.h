/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pump wired to the loop, a byte pattern and fd counting for the tests. */

#ifndef IV_TEST_PUMP_UTIL_H
#define IV_TEST_PUMP_UTIL_H

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/socket.h>
#include <iv.h>
#include <iv_fd_pump.h>
#include "check.h"

/* Byte @i of every test stream; 251 is prime, so it never lines up with
 * a buffer or chunk size. */
static inline unsigned char pattern(size_t i)
{
	return (unsigned char)(i % 251);
}

/* Descriptors this process has open. */
static inline int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	int n = 0;

	CHECK(d != NULL);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.')
			n++;
	}
	closedir(d);

	/* Not counting the one opendir() used. */
	return n - 1;
}

static inline void set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	CHECK(fl >= 0);
	CHECK(fcntl(fd, F_SETFL, fl | O_NONBLOCK) == 0);
}

/* Keep socket buffers small so that reads and writes come up short. */
static inline void small_buffers(int fd, int size)
{
	CHECK(setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size)) == 0);
	CHECK(setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size)) == 0);
}

/* Fill a non-blocking pipe or socket until the kernel says EAGAIN. */
static inline size_t fill_up(int fd)
{
	static const char junk[4096];
	size_t total = 0;
	ssize_t ret;

	while ((ret = write(fd, junk, sizeof(junk))) > 0)
		total += (size_t)ret;
	CHECK(errno == EAGAIN);
	return total;
}

/* Read and discard everything that is there. */
static inline size_t drain(int fd)
{
	char buf[4096];
	size_t total = 0;
	ssize_t ret;

	while ((ret = read(fd, buf, sizeof(buf))) > 0)
		total += (size_t)ret;
	return total;
}

/*
 * A pump whose set_bands callback turns the two iv_fds' handlers on and
 * off, the way an application wires one up.  Each handler runs one pump
 * step; on_end runs once the pump returned 0 or -1.
 */
struct wired_pump {
	struct iv_fd_pump	pump;
	struct iv_fd		from;
	struct iv_fd		to;
	int			last_in;
	int			last_out;
	int			bands_calls;
	int			steps;
	int			steps_left_data;	/* bytes > 0 after */
	int			paused_in;		/* set_bands(0, 1) */
	int			result;
	int			err;
	void			(*on_end)(struct wired_pump *);
};

static inline void wired_step(void *cookie)
{
	struct wired_pump *wp = cookie;
	int ret;

	errno = 0;
	ret = iv_fd_pump_pump(&wp->pump);
	wp->steps++;
	if (ret == 1 && wp->pump.bytes > 0)
		wp->steps_left_data++;
	if (ret == 1)
		return;
	wp->result = ret;
	wp->err = ret < 0 ? errno : 0;
	if (wp->on_end != NULL)
		wp->on_end(wp);
}

static inline void wired_bands(void *cookie, int in, int out)
{
	struct wired_pump *wp = cookie;

	wp->bands_calls++;
	wp->last_in = in;
	wp->last_out = out;
	if (!in && out)
		wp->paused_in++;
	if (iv_fd_registered(&wp->from))
		iv_fd_set_handler_in(&wp->from, in ? wired_step : NULL);
	if (iv_fd_registered(&wp->to))
		iv_fd_set_handler_out(&wp->to, out ? wired_step : NULL);
}

/* Register both descriptors and start the pump. */
static inline void wired_start(struct wired_pump *wp, int from, int to,
			       unsigned int flags,
			       void (*on_end)(struct wired_pump *))
{
	memset(wp, 0, sizeof(*wp));
	wp->result = 1;
	wp->on_end = on_end;

	IV_FD_INIT(&wp->from);
	wp->from.fd = from;
	wp->from.cookie = wp;
	iv_fd_register(&wp->from);
	IV_FD_INIT(&wp->to);
	wp->to.fd = to;
	wp->to.cookie = wp;
	iv_fd_register(&wp->to);

	IV_FD_PUMP_INIT(&wp->pump);
	wp->pump.from_fd = from;
	wp->pump.to_fd = to;
	wp->pump.cookie = wp;
	wp->pump.set_bands = wired_bands;
	wp->pump.flags = flags;
	iv_fd_pump_init(&wp->pump);
}

/* Destroy the pump and unregister (not close) both descriptors. */
static inline void wired_stop(struct wired_pump *wp)
{
	iv_fd_pump_destroy(&wp->pump);
	iv_fd_unregister(&wp->from);
	iv_fd_unregister(&wp->to);
}

/* Is the copy path forced through the environment? */
static inline int splice_disabled(void)
{
	const char *env = getenv("IV_FD_PUMP_NO_SPLICE");

	return env != NULL && *env && strcmp(env, "0");
}

#endif
