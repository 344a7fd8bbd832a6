/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A writable socket calls handler_out; handler_in stays quiet without data. */

#include <sys/socket.h>
#include <iv.h>
#include "check.h"

static struct iv_fd f;
static int outs;
static int ins;

static void fd_out(void *cookie)
{
	int *sv = cookie;

	outs++;
	CHECK(write(sv[0], "ping", 4) == 4);
	iv_fd_unregister(&f);
}

static void fd_in(void *cookie)
{
	ins++;
}

int main(void)
{
	int sv[2];
	char buf[8];

	TEST_BEGIN(10);
	iv_init();

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	IV_FD_INIT(&f);
	f.fd = sv[0];
	f.cookie = sv;
	f.handler_in = fd_in;
	f.handler_out = fd_out;
	iv_fd_register(&f);

	iv_main();
	CHECK_EQ_INT(outs, 1);
	CHECK_EQ_INT(ins, 0);
	CHECK_EQ_INT(read(sv[1], buf, sizeof(buf)), 4);

	close(sv[0]);
	close(sv[1]);
	iv_deinit();
	return 0;
}
