/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* With no wake-up descriptor, iv_event_register fails and leaves no trace. */

/*
 * Liana behaviour (docs/COMPAT.md).  eventfd and pipe both fail, so the
 * first iv_event_register in the process cannot create its wake-up
 * channel: it must return -1, close nothing it did not open, and let
 * iv_main return.  ivykis 0.42.4 fails this test: with epoll the failure
 * is fatal ("iv_fd_epoll_create_active_fd: pipe() returned error
 * 24[...]"), with poll/ppoll iv_main never returns.
 */

#include <iv.h>
#include <iv_event.h>
#include "check.h"
#include "failshim.c"

static void on_alarm(int sig)
{
	static const char msg[] = "event_register_fail: iv_main hung\n";

	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	_exit(1);
}

static void quit_handler(void *cookie)
{
	iv_event_unregister(cookie);
}

int main(void)
{
	struct iv_event ev;
	int fds;

	signal(SIGALRM, on_alarm);
	TEST_BEGIN(10);
	iv_init();
	fds = failshim_count_fds();

	failshim_set("eventfd", 0, -1, EMFILE);
	failshim_set("pipe", 0, -1, EMFILE);
	IV_EVENT_INIT(&ev);
	ev.cookie = &ev;
	ev.handler = quit_handler;
	CHECK_EQ_INT(iv_event_register(&ev), -1);
	failshim_clear();
	CHECK(failshim_failures("eventfd") + failshim_failures("pipe") >= 1);
	CHECK_EQ_INT(failshim_count_fds(), fds);
	iv_main();

	/* Once descriptors can be had again, events work. */
	CHECK_EQ_INT(iv_event_register(&ev), 0);
	iv_event_post(&ev);
	iv_main();

	iv_deinit();
	return 0;
}
