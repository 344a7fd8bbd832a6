/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The contract between the loop and a poll method, and their states. */

#ifndef IV_BACKEND_H
#define IV_BACKEND_H

#include <stdint.h>

struct iv_state;
struct iv_fd_;
struct epoll_event;
struct pollfd;

/* State of the "epoll" and "epoll-timerfd" methods. */
struct iv_epoll_state {
	int			epfd;
	int			timerfd;	/* -1 until first needed */
	int64_t			armed;		/* timerfd deadline, or -1 */
	struct iv_list_head	notify;		/* fds with a pending update */
	struct epoll_event	*events;
	int			events_cap;
	int			nready;		/* events[] still to dispatch */
	int			dispatching;	/* inside dispatch_batch() */
};

/* State of the "poll" and "ppoll" methods. */
struct iv_poll_state {
	struct pollfd		*pfds;
	struct iv_fd_		**fds;
	int			num;
	int			cap;
};

union iv_backend_state {
	struct iv_epoll_state	epoll;
	struct iv_poll_state	poll;
};

/*
 * One poll method.  Every operation runs on the thread that owns st.
 * Only init may fail; the others end in iv_fatal() on an impossible kernel
 * error, or report a vanished fd through iv__fd_kernel_error().
 */
struct iv_fd_poll_method {
	/* The name iv_poll_method_name() returns and the environment uses. */
	const char	*name;

	/* Set up st->u for a new thread.  Returns 0 or a negative errno. */
	int		(*init)(struct iv_state *st);

	/*
	 * Wait until an fd is ready or the deadline (CLOCK_MONOTONIC ns;
	 * INT64_MAX: none; <= now: do not block) has passed, and hand every
	 * ready fd to iv__fd_make_ready().  Pending kernel updates are
	 * applied first.  The cached time is invalidated as soon as the wait
	 * returns.  EINTR just ends it.  iv_main() runs iv__main_loop()
	 * around it.  NULL if run is set.
	 */
	void		(*poll)(struct iv_state *st, int64_t deadline);
	/*
	 * Instead of poll: iv_main()'s loop itself, iv__main_loop() around
	 * this method's own poll, inlined, so that the handlers it runs sit
	 * right under the loop's frame (docs/ARCHITECTURE.md, "Call depth").
	 */
	void		(*run)(struct iv_state *st);
	/*
	 * fd->wanted_bands changed (registration, a setter).  The method
	 * may apply it now or before the next poll.
	 */
	void		(*notify_fd)(struct iv_state *st, struct iv_fd_ *fd);

	/*
	 * Apply fd->wanted_bands now, for iv_fd_register_try(); if no band
	 * is wanted, just check that the fd can be polled.  Returns 0 or a
	 * negative errno, in which case the kernel keeps nothing.
	 */
	int		(*notify_fd_sync)(struct iv_state *st,
					  struct iv_fd_ *fd);

	/* The fd is being unregistered: forget it now, synchronously. */
	void		(*unregister_fd)(struct iv_state *st,
					 struct iv_fd_ *fd);

	/* Release st->u. */
	void		(*deinit)(struct iv_state *st);

	/*
	 * Optional, for an fd registered with fd->edge == IV_FD_ONESHOT (an
	 * eventfd that is kept readable): the epoll set of st, in which any
	 * thread makes that fd report once with iv__epoll_rearm().
	 */
	int		(*wake_epfd)(struct iv_state *st);
};

extern const struct iv_fd_poll_method iv_fd_poll_method_epoll_timerfd;
extern const struct iv_fd_poll_method iv_fd_poll_method_epoll;
extern const struct iv_fd_poll_method iv_fd_poll_method_ppoll;
extern const struct iv_fd_poll_method iv_fd_poll_method_poll;

/* Timeout helpers shared by the methods. */
int iv__timeout_ms(struct iv_state *st, int64_t deadline);
int64_t iv__timeout_ns(struct iv_state *st, int64_t deadline);

#endif
