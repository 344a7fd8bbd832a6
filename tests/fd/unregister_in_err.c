/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unregistering the fd in handler_err suppresses its in and out handlers. */

#include <stdlib.h>
#include <iv.h>
#include "check.h"

/*
 * The fd struct is heap-allocated and freed inside handler_err, so a
 * library that still touches it afterwards shows up under valgrind or
 * AddressSanitizer as well as through the counters.
 */

static int errs, ins, outs;

static void fd_err(void *cookie)
{
	struct iv_fd *f = cookie;

	errs++;
	iv_fd_unregister(f);
	free(f);
}

static void fd_in(void *cookie)
{
	ins++;
}

static void fd_out(void *cookie)
{
	outs++;
}

int main(void)
{
	struct iv_fd *f;
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	close(fds[1]);
	f = malloc(sizeof(*f));
	CHECK(f != NULL);
	IV_FD_INIT(f);
	f->fd = fds[0];
	f->cookie = f;
	f->handler_in = fd_in;
	f->handler_out = fd_out;
	f->handler_err = fd_err;
	iv_fd_register(f);

	iv_main();
	CHECK_EQ_INT(errs, 1);
	CHECK_EQ_INT(ins, 0);
	CHECK_EQ_INT(outs, 0);

	close(fds[0]);
	iv_deinit();
	return 0;
}
