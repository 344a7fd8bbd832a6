/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Setters called in handler_err take effect in the same dispatch. */

#include <iv.h>
#include "check.h"

/*
 * On a hang-up err, in and out are all ready.  handler_err replaces
 * handler_in and clears handler_out: the replacement must be the one
 * called for in right away, and out must not be called at all.
 */

static struct iv_fd f;
static char trace[16];
static int ntrace;

static void note(char c)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = c;
}

static void old_in(void *cookie)
{
	note('I');
}

static void new_in(void *cookie)
{
	note('i');
	iv_fd_unregister(&f);
}

static void fd_out(void *cookie)
{
	note('o');
}

static void fd_err(void *cookie)
{
	note('e');
	iv_fd_set_handler_in(&f, new_in);
	iv_fd_set_handler_out(&f, NULL);
	iv_fd_set_handler_err(&f, NULL);
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
	f.handler_in = old_in;
	f.handler_out = fd_out;
	f.handler_err = fd_err;
	iv_fd_register(&f);

	iv_main();
	CHECK_EQ_STR(trace, "ei");

	close(fds[0]);
	iv_deinit();
	return 0;
}
