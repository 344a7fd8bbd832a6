/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unregister plus re-register inside handler_err ends that fd's dispatch. */

#include <iv.h>
#include "check.h"

/*
 * A hang-up makes err, in and out ready.  The first handler_err
 * unregisters and re-registers the same struct: in and out must not run in
 * this dispatch, but the re-registered fd is reported again in the next
 * iteration (err, in, out), where out unregisters it for good.
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
	if (ntrace == 1) {
		iv_fd_unregister(&f);
		iv_fd_register(&f);
	}
}

static void fd_in(void *cookie)
{
	note('i');
}

static void fd_out(void *cookie)
{
	note('o');
	iv_fd_unregister(&f);
}

int main(void)
{
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	close(fds[1]);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	f.handler_in = fd_in;
	f.handler_out = fd_out;
	f.handler_err = fd_err;
	iv_fd_register(&f);

	iv_main();
	CHECK_EQ_STR(trace, "eeio");

	close(fds[0]);
	iv_deinit();
	return 0;
}
