/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* An fd closed right after registration is reported on err and in (Liana). */

#include <fcntl.h>
#include <iv.h>
#include "check.h"

/*
 * The fd is registered and closed before the loop first polls it.  With
 * epoll the deferred kernel update then fails with EBADF, with poll/ppoll
 * the kernel answers POLLNVAL.  Liana reports both as err, in and out
 * ready; the handlers see EBADF, and iv_fd_unregister() must then work.
 * ivykis 0.42 aborts (epoll: "iv_fd_epoll_flush_one: got error 9") or
 * spins without a callback (poll), so this test fails against it.
 */

static struct iv_fd f;
static struct iv_timer watchdog;
static char trace[16];
static int ntrace;

static void note(char c)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = c;
}

static void fd_err(void *cookie)
{
	note('e');
}

static void fd_in(void *cookie)
{
	char buf[8];

	note('i');
	CHECK_ERRNO(read(f.fd, buf, sizeof(buf)), EBADF);
	iv_fd_unregister(&f);
	iv_timer_unregister(&watchdog);
}

static void watchdog_fired(void *cookie)
{
	CHECK(!"the closed fd was never reported");
}

int main(void)
{
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	IV_FD_INIT(&f);
	f.fd = fcntl(fds[0], F_DUPFD, 900);
	CHECK(f.fd >= 900);
	close(fds[0]);
	f.handler_in = fd_in;
	f.handler_err = fd_err;
	iv_fd_register(&f);
	CHECK(close(f.fd) == 0);

	IV_TIMER_INIT(&watchdog);
	watchdog.expires = iv_now;
	watchdog.expires.tv_sec += 3;
	watchdog.handler = watchdog_fired;
	iv_timer_register(&watchdog);

	iv_main();
	CHECK_EQ_STR(trace, "ei");

	close(fds[1]);
	iv_deinit();
	return 0;
}
