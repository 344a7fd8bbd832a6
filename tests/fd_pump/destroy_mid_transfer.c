/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Destroying a pump that holds undelivered data calls set_bands(0,0) and
 * releases its buffer: no descriptor or memory is left behind. */

#include "bands_log.h"

static void run(int use_sockets)
{
	struct iv_fd_pump p;
	struct bands_log l;
	int src[2];
	int sink[2];
	int before;

	if (use_sockets) {
		CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, src) == 0);
		CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sink) == 0);
		set_nonblock(src[0]);
		set_nonblock(src[1]);
		set_nonblock(sink[0]);
	} else {
		CHECK(pipe2(src, O_NONBLOCK) == 0);
		CHECK(pipe2(sink, O_NONBLOCK) == 0);
	}
	fill_up(sink[use_sockets ? 0 : 1]);
	fill_up(src[use_sockets ? 0 : 1]);
	before = count_fds();

	pump_setup(&p, &l, src[use_sockets ? 1 : 0], sink[use_sockets ? 0 : 1],
		   0);
	for (int i = 0; i < 3; i++)
		CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	CHECK(p.bytes > 0);
	CHECK(!iv_fd_pump_is_done(&p));
	/* A splice pipe (two descriptors) unless copying is forced. */
	CHECK_EQ_INT(count_fds(), before + (splice_disabled() ? 0 : 2));

	iv_fd_pump_destroy(&p);
	check_bands(&l, 5, 0, 0);
	CHECK(p.buf == NULL);
	CHECK_EQ_INT(p.bytes, 0);
	/* A pipe that still held data is closed, not cached. */
	CHECK_EQ_INT(count_fds(), before);

	/* Destroying again is harmless. */
	iv_fd_pump_destroy(&p);
	CHECK_EQ_INT(count_fds(), before);

	close(src[0]);
	close(src[1]);
	close(sink[0]);
	close(sink[1]);
}

int main(void)
{
	int base;

	TEST_BEGIN(10);
	base = count_fds();
	iv_init();
	run(0);
	run(1);
	iv_deinit();
	CHECK_EQ_INT(count_fds(), base);
	return 0;
}
