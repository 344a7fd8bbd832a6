/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fd_register_try() on a regular file: EPERM with epoll, 0 with poll. */

#include <fcntl.h>
#include <stdlib.h>
#include <iv.h>
#include "check.h"

static void fd_in(void *cookie)
{
}

/* With epoll it fails, returns EPERM and leaves the fd's flags alone. */
static void try_one(int fd, int epoll)
{
	struct iv_fd f;
	int fl, fdfl;

	fl = fcntl(fd, F_GETFL);
	fdfl = fcntl(fd, F_GETFD);
	CHECK(fl >= 0 && fdfl >= 0);
	CHECK(!(fl & O_NONBLOCK));
	CHECK(!(fdfl & FD_CLOEXEC));

	IV_FD_INIT(&f);
	f.fd = fd;
	f.handler_in = fd_in;
	if (epoll) {
		CHECK_ERRNO(iv_fd_register_try(&f), EPERM);
		CHECK(!iv_fd_registered(&f));
		CHECK_EQ_INT(fcntl(fd, F_GETFL), fl);
		CHECK_EQ_INT(fcntl(fd, F_GETFD), fdfl);
	} else {
		CHECK_EQ_INT(iv_fd_register_try(&f), 0);
		CHECK(iv_fd_registered(&f));
		CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
		CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
		iv_fd_unregister(&f);
	}
}

int main(void)
{
	char path[] = "/tmp/liana-regfile-XXXXXX";
	int epoll;
	int fd;

	TEST_BEGIN(10);
	iv_init();
	epoll = strncmp(iv_poll_method_name(), "epoll", 5) == 0;

	fd = mkstemp(path);
	CHECK(fd >= 0);
	unlink(path);
	CHECK(fcntl(fd, F_SETFD, 0) == 0);
	try_one(fd, epoll);
	close(fd);

	fd = open("/", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0);
	try_one(fd, epoll);
	close(fd);

	/* Nothing is left registered. */
	iv_main();

	iv_deinit();
	return 0;
}
