/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Registering an fd that is still registered is fatal. */

#include <iv.h>
#include "fatal_helper.h"

static void register_twice(void *arg)
{
	struct iv_fd f;
	int fds[2];

	iv_init();
	CHECK(pipe(fds) == 0);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	iv_fd_register(&f);
	if (arg != NULL)
		iv_fd_register_try(&f);
	else
		iv_fd_register(&f);
}

int main(void)
{
	int try = 1;

	TEST_BEGIN(20);
	expect_fatal(register_twice, NULL,
		     "iv_fd_register: called with fd which is still "
		     "registered");
	/* register_try checks the same precondition the same way. */
	expect_fatal(register_twice, &try,
		     "iv_fd_register: called with fd which is still "
		     "registered");
	return 0;
}
