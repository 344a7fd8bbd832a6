/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_deinit() with a request still open frees the child's record and
 * descriptors; the child itself is then the application's to reap. */

/*
 * Liana only: ivykis 0.42 leaks the record and its SIGCHLD event.
 */

#include "popen_util.h"

static char *argv[] = { ARG("cat"), NULL };

int main(void)
{
	struct iv_popen_request req;
	int fds_before;
	int status;
	int fd;

	TEST_BEGIN(10);
	fds_before = count_fds();
	iv_init();

	request_setup(&req, "cat", argv, "w");
	fd = iv_popen_request_submit(&req);
	CHECK(fd > 2);
	iv_deinit();
	CHECK(req.child == NULL);

	/* cat ends at end of file, and the test reaps it. */
	close(fd);
	CHECK_EQ_INT(count_fds(), fds_before);
	CHECK(waitpid(-1, &status, 0) > 0);
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 0);
	check_no_children();
	return 0;
}
