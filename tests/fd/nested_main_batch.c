/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/*
 * A nested iv_main() whose poll reports only fds that were not in the
 * outer batch: when the outer batch resumes, it still holds what its own
 * poll reported, so no fd handled (and unregistered) by the nested loop
 * is called again, and every fd of the outer batch is called once.
 */

#include <fcntl.h>
#include <iv.h>
#include "check.h"

#define NX	8
#define NB	8

struct end {
	struct iv_fd	fd;
	int		pipe[2];
	int		calls;
};

static struct end a, b[NB], x[NX];
static int x_done;

static void drain(struct end *e)
{
	char buf[8];

	CHECK_EQ_INT(read(e->pipe[0], buf, sizeof(buf)), 1);
}

static void done(struct end *e)
{
	e->calls++;
	CHECK_EQ_INT(e->calls, 1);
	iv_fd_unregister(&e->fd);
}

static void got_x(void *cookie)
{
	drain(cookie);
	done(cookie);
	if (++x_done == NX)
		iv_quit();
}

/* Called from the outer batch, after got_a has read its byte. */
static void got_b(void *cookie)
{
	done(cookie);
}

static void setup(struct end *e, void (*h)(void *))
{
	CHECK_EQ_INT(pipe2(e->pipe, O_NONBLOCK | O_CLOEXEC), 0);
	CHECK_EQ_INT(write(e->pipe[1], "x", 1), 1);
	IV_FD_INIT(&e->fd);
	e->fd.fd = e->pipe[0];
	e->fd.cookie = e;
	e->fd.handler_in = h;
	iv_fd_register(&e->fd);
}

/*
 * a comes first in the outer batch: it empties the b pipes (so that the
 * nested poll does not report them), registers the x fds, all ready, and
 * runs a loop until each x has been handled once.
 */
static void got_a(void *cookie)
{
	drain(&a);
	done(&a);
	for (int i = 0; i < NB; i++)
		drain(&b[i]);
	for (int i = 0; i < NX; i++)
		setup(&x[i], got_x);
	iv_main();
}

static int b_left(void)
{
	for (int i = 0; i < NB; i++)
		if (iv_fd_registered(&b[i].fd))
			return 1;
	return 0;
}

static void close_end(struct end *e)
{
	close(e->pipe[0]);
	close(e->pipe[1]);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();
	setup(&a, got_a);
	for (int i = 0; i < NB; i++)
		setup(&b[i], got_b);

	iv_main();
	/* The nested loop's iv_quit() ends the outer one too. */
	while (b_left())
		iv_main();

	CHECK_EQ_INT(a.calls, 1);
	for (int i = 0; i < NB; i++) {
		CHECK_EQ_INT(b[i].calls, 1);
		close_end(&b[i]);
	}
	CHECK_EQ_INT(x_done, NX);
	for (int i = 0; i < NX; i++) {
		CHECK_EQ_INT(x[i].calls, 1);
		close_end(&x[i]);
	}
	close_end(&a);
	iv_deinit();
	return 0;
}
