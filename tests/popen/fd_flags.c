/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The descriptor returned by submit is blocking and close-on-exec. */

/*
 * Liana only: ivykis 0.42 returns it without close-on-exec, so that every
 * later exec of the application (system(), another popen) would hold the
 * pipe open.
 */

#include "popen_util.h"

static char *argv[] = { ARG("true"), NULL };

int main(void)
{
	struct iv_popen_request r;
	struct iv_popen_request w;
	int rfd;
	int wfd;

	TEST_BEGIN(10);
	iv_init();

	request_setup(&r, "true", argv, "r");
	rfd = iv_popen_request_submit(&r);
	CHECK(rfd > 2);
	request_setup(&w, "true", argv, "w");
	wfd = iv_popen_request_submit(&w);
	CHECK(wfd > 2);

	CHECK(!(fcntl(rfd, F_GETFL) & O_NONBLOCK));
	CHECK(fcntl(rfd, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ_INT(fcntl(rfd, F_GETFL) & O_ACCMODE, O_RDONLY);
	CHECK(!(fcntl(wfd, F_GETFL) & O_NONBLOCK));
	CHECK(fcntl(wfd, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ_INT(fcntl(wfd, F_GETFL) & O_ACCMODE, O_WRONLY);

	close(rfd);
	close(wfd);
	iv_popen_request_close(&r);
	iv_popen_request_close(&w);
	iv_main();

	check_no_children();
	iv_deinit();
	return 0;
}
