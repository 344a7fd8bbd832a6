/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The child has exactly descriptors 0, 1 and 2, with /dev/null on the two
 * that are not the pipe, whatever the parent had open. */

/*
 * Liana only: an ivykis 0.42 child inherits every descriptor of the
 * parent that is not close-on-exec.
 */

#include <sys/socket.h>
#include "popen_util.h"

static char *lister[] = {
	ARG("sh"), ARG("-c"),
	ARG("ls -1 /proc/$$/fd; readlink /proc/$$/fd/0 /proc/$$/fd/2"),
	NULL,
};
static char *sink[] = { ARG("cat"), NULL };
static struct iv_popen_request req;
static struct iv_popen_request other;
static struct reader rd;

static void got_eof(struct reader *r)
{
	CHECK_EQ_STR(r->buf, "0\n1\n2\n/dev/null\n/dev/null\n");
	iv_popen_request_close(&req);
	iv_popen_request_close(&other);
}

int main(void)
{
	int inherited[2];
	int sock[2];
	int plain;
	int other_fd;
	int fd;

	TEST_BEGIN(10);
	/* Descriptors without close-on-exec, as careless programs have. */
	CHECK_EQ_INT(pipe(inherited), 0);
	CHECK_EQ_INT(socketpair(AF_UNIX, SOCK_STREAM, 0, sock), 0);
	plain = dup(1);
	CHECK(plain >= 0);

	iv_init();

	/* Another popen child's pipe must not leak into this one either. */
	request_setup(&other, "cat", sink, "w");
	other_fd = iv_popen_request_submit(&other);
	CHECK(other_fd > 2);
	CHECK_EQ_INT(fcntl(other_fd, F_SETFD, 0), 0);

	request_setup(&req, "sh", lister, "r");
	fd = iv_popen_request_submit(&req);
	CHECK(fd > 2);
	reader_start(&rd, fd, got_eof);

	iv_main();
	CHECK(rd.eof);

	close(other_fd);
	close(inherited[0]);
	close(inherited[1]);
	close(sock[0]);
	close(sock[1]);
	close(plain);
	check_no_children();
	iv_deinit();
	return 0;
}
