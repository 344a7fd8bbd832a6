/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* register_try without handlers then unregister at once (syslog-ng's probe). */

#include <iv.h>
#include "check.h"

/*
 * syslog-ng checks whether a descriptor is pollable by calling
 * iv_fd_register_try() on a handler-less iv_fd and unregistering it right
 * away.  Afterwards nothing may be left behind: iv_main() returns at once,
 * and the same descriptor can be registered for real and delivers input.
 */

static struct iv_fd real;
static int calls;

static void fd_in(void *cookie)
{
	calls++;
	iv_fd_unregister(&real);
}

int main(void)
{
	struct iv_fd probe;
	int fds[2];
	int i;

	TEST_BEGIN(10);
	iv_init();
	CHECK(pipe(fds) == 0);

	for (i = 0; i < 3; i++) {
		IV_FD_INIT(&probe);
		probe.fd = fds[0];
		CHECK_EQ_INT(iv_fd_register_try(&probe), 0);
		CHECK(iv_fd_registered(&probe));
		iv_fd_unregister(&probe);
		CHECK(!iv_fd_registered(&probe));
	}
	iv_main();

	IV_FD_INIT(&real);
	real.fd = fds[0];
	real.handler_in = fd_in;
	iv_fd_register(&real);
	CHECK(write(fds[1], "x", 1) == 1);
	iv_main();
	CHECK_EQ_INT(calls, 1);

	/* The probe also works while the real registration is gone. */
	IV_FD_INIT(&probe);
	probe.fd = fds[1];
	CHECK_EQ_INT(iv_fd_register_try(&probe), 0);
	iv_fd_unregister(&probe);
	iv_main();

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
