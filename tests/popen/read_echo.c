/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Mode "r": the caller reads the child's standard output; once the child
 * is reaped, request.child is NULL and closing is a no-op. */

#include "popen_util.h"

static char *argv[] = {
	ARG("echo"), ARG("hello"), ARG("from"), ARG("echo"), NULL,
};
static struct iv_popen_request req;
static struct reader rd;
static struct iv_timer poll_timer;

static void check_reaped(void *cookie)
{
	if (req.child != NULL) {
		timer_in(&poll_timer, 10, check_reaped, NULL);
		return;
	}
	iv_popen_request_close(&req);
}

static void got_eof(struct reader *r)
{
	CHECK_EQ_STR(r->buf, "hello from echo\n");
	check_reaped(NULL);
}

int main(void)
{
	int fd;

	TEST_BEGIN(10);
	iv_init();

	request_setup(&req, "echo", argv, "r");
	fd = iv_popen_request_submit(&req);
	CHECK(fd > 2);
	CHECK(req.child != NULL);
	reader_start(&rd, fd, got_eof);
	iv_main();

	CHECK(rd.eof);
	CHECK(req.child == NULL);
	check_no_children();
	iv_deinit();
	return 0;
}
