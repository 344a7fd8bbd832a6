/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* poll/ppoll: an fd closed while registered gets handler_err (Liana). */

#include <fcntl.h>
#include <iv.h>
#include "check.h"

/*
 * ivykis 0.42 polls the closed descriptor forever (POLLNVAL, no callback,
 * 100 % CPU); Liana makes err, in and out ready so the handlers run and
 * see EBADF themselves.  This test therefore fails (watchdog) on ivykis.
 * The epoll methods drop a closed descriptor silently from the kernel set,
 * so there the test is skipped; see closed_before_flush for epoll.
 *
 * The descriptor is moved to a high number so that nothing the library
 * opens later can reuse it.
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

	if (ntrace == 0) {
		/* First call: the byte is there; consume it and close. */
		note('r');
		CHECK_EQ_INT(read(f.fd, buf, sizeof(buf)), 1);
		CHECK(close(f.fd) == 0);
		return;
	}
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
	if (strncmp(iv_poll_method_name(), "epoll", 5) == 0) {
		iv_deinit();
		return TEST_SKIP;
	}

	CHECK(pipe(fds) == 0);
	IV_FD_INIT(&f);
	f.fd = fcntl(fds[0], F_DUPFD, 900);
	CHECK(f.fd >= 900);
	close(fds[0]);
	f.handler_in = fd_in;
	f.handler_err = fd_err;
	iv_fd_register(&f);
	CHECK(write(fds[1], "x", 1) == 1);

	IV_TIMER_INIT(&watchdog);
	watchdog.expires = iv_now;
	watchdog.expires.tv_sec += 3;
	watchdog.handler = watchdog_fired;
	iv_timer_register(&watchdog);

	iv_main();
	CHECK_EQ_STR(trace, "rei");

	close(fds[1]);
	iv_deinit();
	return 0;
}
