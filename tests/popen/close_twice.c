/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Closing sets request.child to NULL, so a second close is a no-op. */

/*
 * Liana only: ivykis 0.42 leaves request.child pointing at the detached
 * record, and a second close restarts its kill timer.
 */

#include "popen_util.h"

static char *argv[] = { ARG("sleep"), ARG("30"), NULL };

int main(void)
{
	struct iv_popen_request req;
	int fd;

	TEST_BEGIN(10);
	iv_init();

	request_setup(&req, "sleep", argv, "r");
	fd = iv_popen_request_submit(&req);
	CHECK(fd > 2);
	CHECK(req.child != NULL);

	iv_popen_request_close(&req);
	CHECK(req.child == NULL);
	iv_popen_request_close(&req);
	CHECK(req.child == NULL);
	close(fd);
	iv_main();

	check_no_children();
	iv_deinit();
	return 0;
}
