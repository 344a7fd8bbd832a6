/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Without IV_FD_PUMP_FLAG_RELAY_EOF the pump finishes at end of file but
 * leaves to_fd alone: the far end gets the data and then EAGAIN. */

#include "bands_log.h"

int main(void)
{
	struct iv_fd_pump p;
	struct bands_log l;
	int src[2];
	int sink[2];
	char buf[16];
	int steps = 0;

	TEST_BEGIN(10);
	iv_init();

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, src) == 0);
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sink) == 0);
	set_nonblock(src[1]);
	set_nonblock(sink[0]);
	set_nonblock(sink[1]);
	CHECK_EQ_INT(write(src[0], "data", 4), 4);
	CHECK(shutdown(src[0], SHUT_WR) == 0);

	pump_setup(&p, &l, src[1], sink[0], 0);
	while (iv_fd_pump_pump(&p) == 1)
		CHECK(++steps < 10);
	CHECK(iv_fd_pump_is_done(&p));

	CHECK_EQ_INT(read(sink[1], buf, sizeof(buf)), 4);
	CHECK_ERRNO(read(sink[1], buf, sizeof(buf)), EAGAIN);

	/* to_fd is still fully usable. */
	CHECK_EQ_INT(write(sink[0], "more", 4), 4);
	CHECK_EQ_INT(read(sink[1], buf, sizeof(buf)), 4);

	iv_fd_pump_destroy(&p);
	close(src[0]);
	close(src[1]);
	close(sink[0]);
	close(sink[1]);
	iv_deinit();
	return 0;
}
