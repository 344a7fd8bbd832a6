/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/*
 * A handler that runs a nested iv_main(): fds of the outer batch that the
 * nested loop handles and unregisters are not called again when the outer
 * batch resumes, and nothing of the outer batch is lost.
 */

#include <iv.h>
#include "check.h"

struct end {
	struct iv_fd	fd;
	int		pipe[2];
	int		calls;
};

static struct end a, b, c;
static int depth;

static void drain(struct end *e)
{
	char buf[8];

	CHECK_EQ_INT(read(e->pipe[0], buf, sizeof(buf)), 1);
	e->calls++;
}

static void got_b(void *cookie)
{
	drain(&b);
	iv_fd_unregister(&b.fd);
	if (depth > 0)
		iv_quit();
}

static void got_c(void *cookie)
{
	drain(&c);
	iv_fd_unregister(&c.fd);
}

/* The first of the three to run hosts the nested loop. */
static void got_a(void *cookie)
{
	drain(&a);
	iv_fd_unregister(&a.fd);
	depth++;
	if (iv_fd_registered(&b.fd))
		iv_main();
	depth--;
}

static void setup(struct end *e, void (*h)(void *))
{
	CHECK_EQ_INT(pipe(e->pipe), 0);
	CHECK_EQ_INT(write(e->pipe[1], "x", 1), 1);
	IV_FD_INIT(&e->fd);
	e->fd.fd = e->pipe[0];
	e->fd.handler_in = h;
	iv_fd_register(&e->fd);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();
	setup(&a, got_a);
	setup(&b, got_b);
	setup(&c, got_c);

	iv_main();
	/* The nested loop's iv_quit() may have ended the outer one too. */
	if (iv_fd_registered(&c.fd))
		iv_main();

	CHECK_EQ_INT(a.calls, 1);
	CHECK_EQ_INT(b.calls, 1);
	CHECK_EQ_INT(c.calls, 1);
	iv_deinit();
	return 0;
}
