/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Without eventfd in the kernel (ENOSYS), iv_event_raw works over a pipe. */

#include <fcntl.h>
#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"
#include "failshim.c"

static struct iv_event_raw ev;
static int calls;

static void got_event(void *cookie)
{
	calls++;
	iv_event_raw_unregister(&ev);
}

static void check_fd(int fd)
{
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
}

int main(void)
{
	int fds;

	TEST_BEGIN(10);
	/* Before iv_init, in case the library probes eventfd there. */
	failshim_set("eventfd", 0, -1, ENOSYS);
	iv_init();
	fds = failshim_count_fds();

	IV_EVENT_RAW_INIT(&ev);
	ev.handler = got_event;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);
	CHECK(failshim_calls("pipe") >= 1);
	CHECK(ev.event_rfd.fd != ev.event_wfd);
	check_fd(ev.event_rfd.fd);
	check_fd(ev.event_wfd);
	CHECK_EQ_INT(failshim_count_fds(), fds + 2);

	iv_event_raw_post(&ev);
	iv_event_raw_post(&ev);
	iv_event_raw_post(&ev);
	iv_main();
	CHECK_EQ_INT(calls, 1);
	CHECK_EQ_INT(failshim_count_fds(), fds);

	iv_deinit();
	return 0;
}
