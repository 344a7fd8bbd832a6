/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fd_register() sets O_NONBLOCK and FD_CLOEXEC on the descriptor. */

#include <fcntl.h>
#include <sys/socket.h>
#include <iv.h>
#include "check.h"

static void check_registration_sets_flags(int fd)
{
	struct iv_fd f;

	CHECK(!(fcntl(fd, F_GETFL) & O_NONBLOCK));
	CHECK(!(fcntl(fd, F_GETFD) & FD_CLOEXEC));
	IV_FD_INIT(&f);
	f.fd = fd;
	iv_fd_register(&f);
	CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	iv_fd_unregister(&f);

	/* Unregistering does not undo them. */
	CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
}

int main(void)
{
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	check_registration_sets_flags(fds[0]);
	check_registration_sets_flags(fds[1]);
	close(fds[0]);
	close(fds[1]);

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
	check_registration_sets_flags(fds[0]);
	close(fds[0]);
	close(fds[1]);

	iv_deinit();
	return 0;
}
