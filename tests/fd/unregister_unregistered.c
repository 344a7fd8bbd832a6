/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unregistering an fd that is not registered is fatal. */

#include <iv.h>
#include "fatal_helper.h"

static void never_registered(void *arg)
{
	struct iv_fd f;

	iv_init();
	IV_FD_INIT(&f);
	f.fd = 0;
	iv_fd_unregister(&f);
}

static void unregister_twice(void *arg)
{
	struct iv_fd f;
	int fds[2];

	iv_init();
	CHECK(pipe(fds) == 0);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	iv_fd_register(&f);
	iv_fd_unregister(&f);
	iv_fd_unregister(&f);
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(never_registered, NULL,
		     "iv_fd_unregister: called with fd which is not "
		     "registered");
	expect_fatal(unregister_twice, NULL,
		     "iv_fd_unregister: called with fd which is not "
		     "registered");
	return 0;
}
