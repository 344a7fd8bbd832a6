/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* IV_FD_PUMP_FLAG_RELAY_EOF: at the end the pump shuts down the write side
 * of to_fd; the far end reads the data, then end of file, and can still
 * send the other way. */

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

	pump_setup(&p, &l, src[1], sink[0], IV_FD_PUMP_FLAG_RELAY_EOF);
	while (iv_fd_pump_pump(&p) == 1)
		CHECK(++steps < 10);
	CHECK(iv_fd_pump_is_done(&p));
	check_bands(&l, l.calls, 0, 0);

	CHECK_EQ_INT(read(sink[1], buf, sizeof(buf)), 4);
	CHECK(!memcmp(buf, "data", 4));
	CHECK_EQ_INT(read(sink[1], buf, sizeof(buf)), 0);

	/* Only the write side was shut down. */
	CHECK_EQ_INT(write(sink[1], "back", 4), 4);
	CHECK_EQ_INT(read(sink[0], buf, sizeof(buf)), 4);

	iv_fd_pump_destroy(&p);
	close(src[0]);
	close(src[1]);
	close(sink[0]);
	close(sink[1]);
	iv_deinit();
	return 0;
}
