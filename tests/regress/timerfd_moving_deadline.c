/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A deadline moved later on every iteration need not re-arm the timerfd. */

#include <dlfcn.h>
#include <time.h>
#include <sys/timerfd.h>
#include <iv.h>
#include "check.h"

/*
 * Found with Debian's syslog-ng (tests/interop): each iv_work worker goes
 * idle after every job and registers its idle timer again at now + 10 s,
 * so the earliest deadline of the worker's loop moves a little later on
 * every iteration.  ivykis keeps using the millisecond timeout of
 * epoll_wait() for a deadline that keeps changing and arms its timerfd
 * only once the same deadline has come back several iterations in a row;
 * with it, this program makes no timerfd_settime() call at all.  Calling
 * timerfd_settime() whenever the deadline changes costs syslog-ng one
 * system call per worker job.
 *
 * The loop below does the same: a pipe handler that takes about 200 us,
 * then moves a 10-second timer to now + 10 s, 2000 times.  At most a
 * handful of timerfd_settime() calls are allowed.  Poll methods other than
 * epoll-timerfd make none.
 */

#define ITERATIONS	2000
#define MAX_SETTIME	20

static int settime_calls;

/* Interposed on the C library's: counts the calls, then forwards them. */
int timerfd_settime(int fd, int flags, const struct itimerspec *new_value,
		    struct itimerspec *old_value)
{
	static int (*real)(int, int, const struct itimerspec *,
			   struct itimerspec *);

	if (real == NULL) {
		*(void **)&real = dlsym(RTLD_NEXT, "timerfd_settime");
		CHECK(real != NULL);
	}
	settime_calls++;
	return real(fd, flags, new_value, old_value);
}

static struct iv_fd rfd;
static struct iv_timer idle;
static int pfd[2];
static int iters;

static void idle_expired(void *cookie)
{
	(void)cookie;
	CHECK(!"the 10-second timer never comes due");
}

static void got_byte(void *cookie)
{
	struct timespec work = { 0, 200000 };
	char c;

	(void)cookie;
	CHECK_EQ_INT(read(pfd[0], &c, 1), 1);
	nanosleep(&work, NULL);

	if (iv_timer_registered(&idle))
		iv_timer_unregister(&idle);
	iv_invalidate_now();
	iv_validate_now();
	idle.expires = iv_now;
	idle.expires.tv_sec += 10;
	iv_timer_register(&idle);

	if (++iters == ITERATIONS) {
		iv_timer_unregister(&idle);
		iv_fd_unregister(&rfd);
		return;
	}
	CHECK_EQ_INT(write(pfd[1], "x", 1), 1);
}

int main(void)
{
	TEST_BEGIN(30);
	iv_init();
	CHECK_EQ_INT(pipe(pfd), 0);

	IV_FD_INIT(&rfd);
	rfd.fd = pfd[0];
	rfd.handler_in = got_byte;
	iv_fd_register(&rfd);
	IV_TIMER_INIT(&idle);
	idle.handler = idle_expired;
	CHECK_EQ_INT(write(pfd[1], "x", 1), 1);

	iv_main();

	CHECK_EQ_INT(iters, ITERATIONS);
	if (settime_calls > MAX_SETTIME) {
		fprintf(stderr, "%s: %d timerfd_settime() calls in %d "
			"iterations (at most %d allowed)\n",
			iv_poll_method_name(), settime_calls, ITERATIONS,
			MAX_SETTIME);
		CHECK(settime_calls <= MAX_SETTIME);
	}
	close(pfd[0]);
	close(pfd[1]);
	iv_deinit();
	return 0;
}
