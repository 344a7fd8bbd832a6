/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The inotify descriptor is close-on-exec and non-blocking, registered
 * (it keeps the loop alive), and closed by iv_inotify_unregister(). */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_timer stop;
static int stopped;

static void stop_it(void *cookie)
{
	(void)cookie;
	stopped = 1;
	iv_inotify_unregister(&in);
}

int main(void)
{
	int fd;

	TEST_BEGIN(10);
	iv_init();

	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);
	fd = in.fd.fd;
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	CHECK(iv_fd_registered(&in.fd));

	/* Only the instance keeps the loop running once the timer fired. */
	IV_TIMER_INIT(&stop);
	iv_validate_now();
	stop.expires = iv_now;
	stop.expires.tv_nsec += 20000000;
	if (stop.expires.tv_nsec >= 1000000000) {
		stop.expires.tv_sec++;
		stop.expires.tv_nsec -= 1000000000;
	}
	stop.handler = stop_it;
	iv_timer_register(&stop);
	iv_main();
	CHECK(stopped);

	CHECK(fcntl(fd, F_GETFD) < 0 && errno == EBADF);

	iv_deinit();
	return 0;
}
