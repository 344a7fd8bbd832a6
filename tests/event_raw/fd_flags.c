/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Descriptors are CLOEXEC and NONBLOCK; one eventfd unless a pipe is forced. */

#include <fcntl.h>
#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"

static void never(void *cookie)
{
	CHECK(!"handler of an event that was never posted ran");
}

static void check_fd(int fd)
{
	int fl;

	CHECK(fd >= 0);
	fl = fcntl(fd, F_GETFD);
	CHECK(fl >= 0);
	CHECK(fl & FD_CLOEXEC);
	fl = fcntl(fd, F_GETFL);
	CHECK(fl >= 0);
	CHECK(fl & O_NONBLOCK);
}

int main(void)
{
	struct iv_event_raw ev;
	const char *force = getenv("IV_EVENT_RAW_FORCE_PIPE");
	int want_pipe = force != NULL && strcmp(force, "1") == 0;

	TEST_BEGIN(10);
	iv_init();

	IV_EVENT_RAW_INIT(&ev);
	ev.cookie = NULL;
	ev.handler = never;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);

	check_fd(ev.event_rfd.fd);
	check_fd(ev.event_wfd);
	/* An eventfd is read and written through the same descriptor. */
	if (want_pipe)
		CHECK(ev.event_rfd.fd != ev.event_wfd);
	else
		CHECK_EQ_INT(ev.event_rfd.fd, ev.event_wfd);

	iv_event_raw_unregister(&ev);
	/* Unregistering closes what register opened. */
	CHECK_ERRNO(fcntl(ev.event_rfd.fd, F_GETFD), EBADF);
	CHECK_ERRNO(fcntl(ev.event_wfd, F_GETFD), EBADF);

	iv_main();
	iv_deinit();
	return 0;
}
