/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The "epoll" and "epoll-timerfd" poll methods. */

/*
 * Notes on this kernel API.
 *
 * 1. epoll is level-triggered by default, which is what ivykis promises;
 *    EPOLLET and EPOLLONESHOT are never used for user fds.
 * 2. EPOLLERR and EPOLLHUP are reported whether asked for or not, so an
 *    fd with only an err handler is added with an empty event mask.
 * 3. Interest changes are queued on st->u.epoll.notify and applied just
 *    before epoll_wait(): a handler that flips its out handler on and off
 *    within one iteration costs no system call.  Unregistering applies
 *    the change at once, because the caller may close the fd next.
 * 4. The epoll set holds open file descriptions, not fd numbers: an fd
 *    closed while registered vanishes from the set silently (unless it
 *    was dup()ed), and epoll_ctl() on it then fails with EBADF.  That is
 *    reported through the fd's handlers (iv__fd_kernel_error()).
 * 5. epoll_wait() takes milliseconds; "epoll" rounds the timeout up, so a
 *    timer fires up to 1 ms late.  "epoll-timerfd" arms a timerfd with an
 *    absolute CLOCK_MONOTONIC deadline instead and waits without a
 *    timeout.  The deadline is rounded up to a whole millisecond: exact
 *    deadlines would wake the thread once per timer when many timers are
 *    due close together (ivykis's rounding batches them, and so does
 *    this), and the timerfd then needs re-arming at most once per
 *    millisecond.  It is re-armed only when the deadline moves earlier
 *    (or it has fired): a deadline that moves later, as an idle timeout
 *    re-armed after every job does, leaves it armed at the old time,
 *    which costs one early wake-up instead of one timerfd_settime() per
 *    job (found with syslog-ng's iv_work workers).  It is never armed
 *    for a zero timeout (pending tasks), so a busy loop pays nothing.
 * 6. (EPOLLET for the iv_event eventfd, each write a new edge, was
 *    replaced by 8; where 8 cannot be set up the eventfd is read.)
 * 7. A timerfd deadline of {0, 0} would disarm it (ivykis issue 11, the
 *    syslog-ng boot hang): deadlines at or before now are never armed,
 *    the wait is simply not blocking.
 * 8. The eventfd of a thread's iv_events is kept readable
 *    and registered EPOLLONESHOT without events: a poster re-arms it with
 *    EPOLL_CTL_MOD from its own thread (epoll_ctl is safe against a
 *    concurrent epoll_wait), and the event reported disarms it again.
 *    Still one system call per wake-up, and a cheaper one: B3a one-CPU
 *    ping-pong, bare epoll and eventfd, 6.32 us with a write, 6.07 us
 *    with EPOLL_CTL_MOD (ivykis does the same).
 * 9. When the poster and the woken thread share a CPU, the poster is
 *    usually preempted inside that epoll_ctl(), and the kernel refills
 *    the return stack buffer at each context switch: every return it
 *    then makes before its next call mispredicts (25 to 35 ns each here).
 *    Hence the re-arm is issued inline (iv__epoll_rearm()) and the loop,
 *    the wait and the dispatch are one function (*_run() below):
 *    docs/ARCHITECTURE.md, "Call depth".
 */

#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include "../iv_private.h"

/* epoll data.ptr of the timerfd; user fds point at their iv_fd_. */
#define TIMERFD_MARK	NULL

static int epoll_init(struct iv_state *st)
{
	struct iv_epoll_state *e = &st->u.epoll;

	e->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (e->epfd < 0)
		return -errno;
	e->timerfd = -1;
	e->armed = -1;
	INIT_IV_LIST_HEAD(&e->notify);
	e->events_cap = 64;
	e->events = malloc(e->events_cap * sizeof(*e->events));
	if (e->events == NULL) {
		close(e->epfd);
		return -ENOMEM;
	}
	return 0;
}

static int timerfd_init(struct iv_state *st)
{
	int fd;

	/* Probe once here, so a kernel without timerfd falls back to
	 * plain "epoll" at iv_init() instead of failing later. */
	fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (fd < 0)
		return -errno;
	close(fd);
	return epoll_init(st);
}

static void epoll_deinit(struct iv_state *st)
{
	struct iv_epoll_state *e = &st->u.epoll;

	if (e->timerfd >= 0)
		close(e->timerfd);
	close(e->epfd);
	free(e->events);
}

static uint32_t band_events(uint8_t bands)
{
	uint32_t events = 0;

	if (bands & MASKIN)
		events |= EPOLLIN;
	if (bands & MASKOUT)
		events |= EPOLLOUT;
	return events;
}

/* Tell the kernel what fd->wanted_bands says.  Returns 0 or -errno. */
static int apply(struct iv_epoll_state *e, struct iv_fd_ *fd)
{
	struct epoll_event ev;
	int op;
	int ret;

	if (fd->wanted_bands == 0) {
		if (!fd->in_kernel)
			return 0;
		op = EPOLL_CTL_DEL;
	} else if (!fd->in_kernel) {
		op = EPOLL_CTL_ADD;
	} else if (band_events(fd->wanted_bands) !=
		   band_events(fd->kernel_bands)) {
		op = EPOLL_CTL_MOD;
	} else {
		fd->kernel_bands = fd->wanted_bands;
		return 0;
	}

	memset(&ev, 0, sizeof(ev));
	ev.events = band_events(fd->wanted_bands);
	if (fd->edge == IV_FD_ONESHOT)
		ev.events = EPOLLONESHOT;	/* disarmed until re-armed */
	ev.data.ptr = fd;
	do {
		ret = epoll_ctl(e->epfd, op, fd->fd, &ev);
	} while (ret < 0 && errno == EINTR);
	if (ret < 0)
		return -errno;

	fd->in_kernel = op != EPOLL_CTL_DEL;
	fd->kernel_bands = fd->wanted_bands;
	return 0;
}

static void epoll_notify_fd(struct iv_state *st, struct iv_fd_ *fd)
{
	struct iv_epoll_state *e = &st->u.epoll;

	if (iv_list_empty(&fd->list_notify))
		iv_list_add_tail(&fd->list_notify, &e->notify);
}

static void flush(struct iv_state *st)
{
	struct iv_epoll_state *e = &st->u.epoll;

	while (!iv_list_empty(&e->notify)) {
		struct iv_fd_ *fd;
		int err;

		fd = iv_list_entry(e->notify.next, struct iv_fd_, list_notify);
		iv_list_del_init(&fd->list_notify);
		err = apply(e, fd);
		if (err < 0 && iv__fd_kernel_error(st, fd, -err) < 0)
			iv_fatal("iv_fd_epoll_flush_one: got error %d[%s]",
				 -err, strerror(-err));
	}
}

static int epoll_notify_fd_sync(struct iv_state *st, struct iv_fd_ *fd)
{
	struct iv_epoll_state *e = &st->u.epoll;
	uint8_t wanted = fd->wanted_bands;
	int err;

	/* With no handler yet, test pollability with both bands, and
	 * queue the removal for the next flush. */
	if (wanted == 0)
		fd->wanted_bands = MASKIN | MASKOUT;
	err = apply(e, fd);
	fd->wanted_bands = wanted;
	if (err == 0 && wanted == 0)
		epoll_notify_fd(st, fd);
	return err;
}

static void epoll_unregister_fd(struct iv_state *st, struct iv_fd_ *fd)
{
	struct iv_epoll_state *e = &st->u.epoll;
	int err;

	iv_list_del_init(&fd->list_notify);
	if (fd->index >= 0) {
		/* Ready in the batch being dispatched: not any more. */
		e->events[fd->index].data.ptr = NULL;
		fd->index = -1;
	}
	if (fd->dead)
		return;
	err = apply(e, fd);
	if (err < 0)
		iv_fatal("iv_fd_unregister: fd %d was closed or changed while "
			 "registered: got error %d[%s]", fd->fd, -err,
			 strerror(-err));
}

static int epoll_wake_epfd(struct iv_state *st)
{
	return st->u.epoll.epfd;
}

/*
 * Ready bands from epoll's events, by table: EPOLLIN, EPOLLOUT, EPOLLERR
 * and EPOLLHUP are the low five bits.  ERR and HUP make every band ready.
 */
#define EV_BITS		(EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP)
#define ALL_BANDS	(MASKIN | MASKOUT | MASKERR)

static const uint8_t ev_bands[32] = {
#define B(ev)	(((ev) & (EPOLLERR | EPOLLHUP)) ? ALL_BANDS :		\
		 (((ev) & EPOLLIN) ? MASKIN : 0) | (((ev) & EPOLLOUT) ? MASKOUT : 0))
	B(0), B(1), B(2), B(3), B(4), B(5), B(6), B(7),
	B(8), B(9), B(10), B(11), B(12), B(13), B(14), B(15),
	B(16), B(17), B(18), B(19), B(20), B(21), B(22), B(23),
	B(24), B(25), B(26), B(27), B(28), B(29), B(30), B(31),
#undef B
};

_Static_assert(EV_BITS < 32, "epoll event bits above the table");

static inline int events_to_bands(uint32_t ev)
{
	return ev_bands[ev & EV_BITS];
}

static __attribute__((noinline)) void read_timerfd(struct iv_epoll_state *e)
{
	uint64_t ticks;

	if (read(e->timerfd, &ticks, sizeof(ticks)) < 0 && errno != EAGAIN)
		iv_fatal("iv_fd_epoll_timerfd_poll: reading timerfd got "
			 "error %d[%s]", errno, strerror(errno));
	e->armed = -1;
}

/* A full batch suggests more fds were ready: grow for next time. */
static void maybe_grow(struct iv_epoll_state *e, int n)
{
	struct epoll_event *events;

	if (n < e->events_cap || e->events_cap >= 4096)
		return;
	events = realloc(e->events, 2 * e->events_cap * sizeof(*events));
	if (events != NULL) {
		e->events = events;
		e->events_cap *= 2;
	}
}

static __attribute__((noinline, cold)) void wait_failed(const char *who)
{
	iv_fatal("%s: got error %d[%s]", who, errno, strerror(errno));
}

/*
 * The wait of a nested iv_main() (run by a handler of the batch being
 * dispatched): into an array of its own, since events[] still holds the
 * rest of the outer batch, and onto st->active.
 */
static __attribute__((noinline, cold)) void
wait_nested(struct iv_state *st, int timeout, const char *who)
{
	struct iv_epoll_state *e = &st->u.epoll;
	struct epoll_event ev[64];
	int n;

	n = epoll_wait(e->epfd, ev, 64, timeout);
	st->now_valid = 0;
	if (n < 0) {
		if (errno != EINTR)
			wait_failed(who);
		return;
	}
	for (int i = 0; i < n; i++) {
		struct iv_fd_ *fd = ev[i].data.ptr;

		if (fd == TIMERFD_MARK)
			read_timerfd(e);
		else
			iv__fd_make_ready(st, fd, events_to_bands(ev[i].events));
	}
}

/*
 * Keep what one epoll_wait() returned for dispatch_batch(): each entry's
 * events become its bands, and the fd remembers its slot, so that
 * unregistering it (from an earlier handler of the batch) empties the
 * slot.  No list insertion per ready fd (B1 A=100: 123 -> 88 Ir per
 * event, with the table above and the input-only path below).
 */
static inline __attribute__((always_inline)) void
collect(struct iv_state *st, int n)
{
	struct iv_epoll_state *e = &st->u.epoll;
	struct epoll_event *ev = e->events;

	for (int i = 0; i < n; i++) {
		struct iv_fd_ *fd = ev[i].data.ptr;

		if (unlikely(fd == TIMERFD_MARK)) {
			read_timerfd(e);
			continue;
		}
		ev[i].events = (uint32_t)events_to_bands(ev[i].events);
		fd->index = i;
	}
	e->nready = n;
}

/*
 * Run the handlers of the batch collect() kept, as iv__fd_run_active()
 * does for st->active.  Called at the end of the poll (the cached time
 * is already invalid), inlined into the loop (run functions below).
 */
static inline __attribute__((always_inline)) void
dispatch_batch(struct iv_state *st)
{
	struct iv_epoll_state *e = &st->u.epoll;
	int n = e->nready;

	e->nready = 0;
	e->dispatching = 1;
	for (int i = 0; i < n; i++) {
		struct iv_fd_ *fd = e->events[i].data.ptr;
		uint32_t bands;

		if (fd == NULL)		/* the timerfd, or unregistered */
			continue;
		fd->index = -1;
		bands = e->events[i].events;
		if (bands == MASKIN) {		/* the common case */
			if (fd->handler_in == iv__event_got_wake) {
				/* The thread's iv_events: their handlers run
				 * right under the loop. */
				st->handled_fd = fd;
				iv__event_wake(fd->cookie);
				continue;
			}
			if (fd->handler_in != NULL) {
				st->handled_fd = fd;
				fd->handler_in(fd->cookie);
			}
			continue;
		}
		iv__fd_call(st, fd, bands);
	}
	st->handled_fd = NULL;
	e->dispatching = 0;
	maybe_grow(e, n);
}

static inline __attribute__((always_inline)) void
wait_events(struct iv_state *st, int timeout, const char *who)
{
	struct iv_epoll_state *e = &st->u.epoll;
	int n;

	if (unlikely(e->dispatching)) {
		wait_nested(st, timeout, who);
		return;
	}
	n = epoll_wait(e->epfd, e->events, e->events_cap, timeout);
	st->now_valid = 0;
	if (n < 0) {
		if (errno != EINTR)
			wait_failed(who);
		return;
	}
	collect(st, n);
	if (e->nready)
		dispatch_batch(st);
}

static inline __attribute__((always_inline)) void
epoll_poll(struct iv_state *st, int64_t deadline)
{
	if (!iv_list_empty(&st->u.epoll.notify))
		flush(st);
	wait_events(st, iv__timeout_ms(st, deadline), "iv_fd_epoll_poll");
}

static void arm_timerfd(struct iv_state *st, int64_t deadline)
{
	struct iv_epoll_state *e = &st->u.epoll;
	struct itimerspec its;

	if (e->timerfd < 0) {
		struct epoll_event ev;

		e->timerfd = timerfd_create(CLOCK_MONOTONIC,
					    TFD_CLOEXEC | TFD_NONBLOCK);
		if (e->timerfd < 0)
			iv_fatal("iv_fd_epoll_timerfd_poll: timerfd_create "
				 "got error %d[%s]", errno, strerror(errno));
		memset(&ev, 0, sizeof(ev));
		ev.events = EPOLLIN;
		ev.data.ptr = TIMERFD_MARK;
		if (epoll_ctl(e->epfd, EPOLL_CTL_ADD, e->timerfd, &ev) < 0)
			iv_fatal("iv_fd_epoll_timerfd_poll: adding timerfd "
				 "got error %d[%s]", errno, strerror(errno));
	}

	memset(&its, 0, sizeof(its));
	its.it_value.tv_sec = deadline / 1000000000;
	its.it_value.tv_nsec = deadline % 1000000000;
	if (timerfd_settime(e->timerfd, TFD_TIMER_ABSTIME, &its, NULL) < 0)
		iv_fatal("iv_fd_epoll_timerfd_poll: timerfd_settime got "
			 "error %d[%s]", errno, strerror(errno));
	e->armed = deadline;
}

static inline __attribute__((always_inline)) void
epoll_timerfd_poll(struct iv_state *st, int64_t deadline)
{
	struct iv_epoll_state *e = &st->u.epoll;
	int timeout = -1;

	if (!iv_list_empty(&e->notify))
		flush(st);
	if (deadline != INT64_MAX) {
		if (iv__timeout_ns(st, deadline) == 0) {
			timeout = 0;
		} else {
			deadline = (deadline + 999999) / 1000000 * 1000000;
			if (e->armed < 0 || deadline < e->armed)
				arm_timerfd(st, deadline);
		}
	}
	wait_events(st, timeout, "iv_fd_epoll_timerfd_poll");
}

/*
 * iv_main()'s loop with the poll, collection and dispatch inlined: the
 * handlers run two frames below iv_main(), and epoll_wait() returns
 * straight into the loop (docs/ARCHITECTURE.md, "Call depth").
 */
static void epoll_timerfd_run(struct iv_state *st)
{
	iv__main_loop(st, epoll_timerfd_poll);
}

static void epoll_run(struct iv_state *st)
{
	iv__main_loop(st, epoll_poll);
}

const struct iv_fd_poll_method iv_fd_poll_method_epoll_timerfd = {
	.name		= "epoll-timerfd",
	.init		= timerfd_init,
	.run		= epoll_timerfd_run,
	.notify_fd	= epoll_notify_fd,
	.notify_fd_sync	= epoll_notify_fd_sync,
	.unregister_fd	= epoll_unregister_fd,
	.deinit		= epoll_deinit,
	.wake_epfd	= epoll_wake_epfd,
};

const struct iv_fd_poll_method iv_fd_poll_method_epoll = {
	.name		= "epoll",
	.init		= epoll_init,
	.run		= epoll_run,
	.notify_fd	= epoll_notify_fd,
	.notify_fd_sync	= epoll_notify_fd_sync,
	.unregister_fd	= epoll_unregister_fd,
	.deinit		= epoll_deinit,
	.wake_epfd	= epoll_wake_epfd,
};
