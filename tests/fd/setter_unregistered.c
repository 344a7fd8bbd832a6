/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The handler setters are fatal on an fd that is not registered. */

#include <iv.h>
#include "fatal_helper.h"

static void handler(void *cookie)
{
}

static void set_in(void *arg)
{
	struct iv_fd f;

	iv_init();
	IV_FD_INIT(&f);
	f.fd = 0;
	iv_fd_set_handler_in(&f, handler);
}

static void set_out(void *arg)
{
	struct iv_fd f;

	iv_init();
	IV_FD_INIT(&f);
	f.fd = 0;
	iv_fd_set_handler_out(&f, handler);
}

static void set_err_after_unregister(void *arg)
{
	struct iv_fd f;
	int fds[2];

	iv_init();
	CHECK(pipe(fds) == 0);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	iv_fd_register(&f);
	iv_fd_unregister(&f);
	iv_fd_set_handler_err(&f, NULL);
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(set_in, NULL,
		     "iv_fd_set_handler_in: called with fd which is not "
		     "registered");
	expect_fatal(set_out, NULL,
		     "iv_fd_set_handler_out: called with fd which is not "
		     "registered");
	expect_fatal(set_err_after_unregister, NULL,
		     "iv_fd_set_handler_err: called with fd which is not "
		     "registered");
	return 0;
}
