/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* With no descriptor to be had, iv_event_register fails and leaves no trace. */

/*
 * Liana behaviour (docs/COMPAT.md).  A thread's first iv_event_register
 * needs a new descriptor for its wake-up channel; RLIMIT_NOFILE is lowered
 * so that none can be had.  The call must return -1 and iv_main must then
 * return, since nothing is registered.  ivykis 0.42.4 fails this: with
 * epoll its process-wide wake-up descriptor cannot be created, which is
 * fatal ("iv_fd_epoll_create_active_fd: pipe() returned error 24[...]");
 * with poll/ppoll the call returns -1 but keeps a liveness reference, so
 * iv_main never returns (the SIGALRM below reports it).
 */

#include <pthread.h>
#include <sys/resource.h>
#include <iv.h>
#include <iv_event.h>
#include "check.h"

static void on_alarm(int sig)
{
	static const char msg[] = "register_no_fd: iv_main did not return\n";

	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	_exit(1);
}

static void never(void *cookie)
{
	CHECK(!"handler of an unregistered event ran");
}

static void quit_handler(void *cookie)
{
	iv_event_unregister(cookie);
}

/* The lowest descriptor number the next open would get. */
static int lowest_free_fd(void)
{
	int fd = dup(0);

	CHECK(fd >= 0);
	close(fd);
	return fd;
}

/* A fresh loop thread that has never registered an event. */
static void *fresh_thread(void *arg)
{
	struct rlimit saved, low;
	struct iv_event ev;
	int ret;

	iv_init();

	CHECK_EQ_INT(getrlimit(RLIMIT_NOFILE, &saved), 0);
	low = saved;
	low.rlim_cur = lowest_free_fd();
	CHECK_EQ_INT(setrlimit(RLIMIT_NOFILE, &low), 0);
	CHECK_ERRNO(dup(0), EMFILE);

	IV_EVENT_INIT(&ev);
	ev.handler = never;
	ret = iv_event_register(&ev);

	CHECK_EQ_INT(setrlimit(RLIMIT_NOFILE, &saved), 0);
	CHECK_EQ_INT(ret, -1);

	/* Nothing is left, so the loop must end at once. */
	iv_main();
	iv_deinit();
	return NULL;
}

int main(void)
{
	struct sigaction sa;
	struct iv_event ev;
	pthread_t thr;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	CHECK_EQ_INT(sigaction(SIGALRM, &sa, NULL), 0);
	TEST_BEGIN(10);

	/* No thread has registered an event yet. */
	iv_init();
	CHECK_EQ_INT(pthread_create(&thr, NULL, fresh_thread, NULL), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);

	/* With descriptors back, events work again. */
	IV_EVENT_INIT(&ev);
	ev.cookie = &ev;
	ev.handler = quit_handler;
	CHECK_EQ_INT(iv_event_register(&ev), 0);
	iv_event_post(&ev);
	iv_main();

	iv_deinit();
	return 0;
}
