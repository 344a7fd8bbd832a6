/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* With the sink blocked and the source still readable, the pump's buffer
 * fills up and it stops asking for input, (0,1), instead of spinning on a
 * readable source; output progress turns input back on. */

#include "bands_log.h"

int main(void)
{
	struct iv_fd_pump p;
	struct bands_log l;
	int src[2];
	int sink[2];
	size_t stuffed;
	int steps = 0;

	TEST_BEGIN(10);
	iv_init();

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, src) == 0);
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sink) == 0);
	set_nonblock(src[0]);
	set_nonblock(src[1]);
	set_nonblock(sink[0]);
	set_nonblock(sink[1]);
	stuffed = fill_up(sink[0]);
	fill_up(src[0]);

	pump_setup(&p, &l, src[1], sink[0], 0);
	do {
		CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
		CHECK(++steps < 1000);
	} while (l.in[l.calls - 1]);
	check_bands(&l, l.calls, 0, 1);
	CHECK(p.full);
	CHECK(p.bytes > 0);

	/* Make room in the sink: output goes on and input is wanted again. */
	CHECK_EQ_INT(drain(sink[1]), stuffed);
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	CHECK_EQ_INT(l.in[l.calls - 1], 1);
	CHECK(!p.full);

	iv_fd_pump_destroy(&p);
	check_bands(&l, l.calls, 0, 0);
	close(src[0]);
	close(src[1]);
	close(sink[0]);
	close(sink[1]);
	iv_deinit();
	return 0;
}
