/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* One descriptor registered in two threads' loops is reported to both. */

#include <pthread.h>
#include <iv.h>
#include "check.h"

/*
 * The pipe holds unconsumed data, so both loops see it readable.  Each
 * thread's handler must run on its own thread and unregister its fd.
 */

struct side {
	int		rfd;
	pthread_t	self;
	struct iv_fd	fd;
	int		calls;
};

static void fd_in(void *cookie)
{
	struct side *s = cookie;

	CHECK(pthread_equal(s->self, pthread_self()));
	s->calls++;
	iv_fd_unregister(&s->fd);
}

static void *run_side(void *arg)
{
	struct side *s = arg;

	s->self = pthread_self();
	iv_init();
	IV_FD_INIT(&s->fd);
	s->fd.fd = s->rfd;
	s->fd.cookie = s;
	s->fd.handler_in = fd_in;
	iv_fd_register(&s->fd);
	iv_main();
	iv_deinit();
	return NULL;
}

int main(void)
{
	struct side a = { 0 }, b = { 0 };
	pthread_t thr;
	int fds[2];

	TEST_BEGIN(10);
	iv_init();
	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "x", 1) == 1);
	a.rfd = fds[0];
	b.rfd = fds[0];

	CHECK(pthread_create(&thr, NULL, run_side, &b) == 0);
	a.self = pthread_self();
	IV_FD_INIT(&a.fd);
	a.fd.fd = a.rfd;
	a.fd.cookie = &a;
	a.fd.handler_in = fd_in;
	iv_fd_register(&a.fd);
	iv_main();
	CHECK(pthread_join(thr, NULL) == 0);

	CHECK_EQ_INT(a.calls, 1);
	CHECK_EQ_INT(b.calls, 1);

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
