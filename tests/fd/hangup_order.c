/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A hang-up makes err, in and out ready, dispatched in that order. */

#include <sys/socket.h>
#include <iv.h>
#include "check.h"

/*
 * Run once with a pipe whose write end is closed and once with a socket
 * pair whose peer is closed.  Two dispatches are recorded (the condition
 * is level-triggered) and must both read "eio".
 */

static struct iv_fd f;
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
	note('i');
}

static void fd_out(void *cookie)
{
	note('o');
	if (ntrace == 6)
		iv_fd_unregister(&f);
}

static void run(int fd)
{
	memset(trace, 0, sizeof(trace));
	ntrace = 0;
	IV_FD_INIT(&f);
	f.fd = fd;
	f.handler_in = fd_in;
	f.handler_out = fd_out;
	f.handler_err = fd_err;
	iv_fd_register(&f);
	iv_main();
	CHECK_EQ_STR(trace, "eioeio");
}

int main(void)
{
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	close(fds[1]);
	run(fds[0]);
	close(fds[0]);

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
	close(fds[1]);
	run(fds[0]);
	close(fds[0]);

	iv_deinit();
	return 0;
}
