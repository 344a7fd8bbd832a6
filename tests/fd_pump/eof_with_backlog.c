/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* End of file read while the sink is full: the pump asks for output only,
 * (0,1), and finishes once the backlog is written. */

#include "bands_log.h"

int main(void)
{
	struct iv_fd_pump p;
	struct bands_log l;
	int src[2];
	int sink[2];
	size_t stuffed;
	char buf[16];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe2(src, O_NONBLOCK) == 0);
	CHECK(pipe2(sink, O_NONBLOCK) == 0);
	stuffed = fill_up(sink[1]);
	CHECK_EQ_INT(write(src[1], "tail", 4), 4);
	close(src[1]);

	pump_setup(&p, &l, src[0], sink[1], 0);

	/* Read four bytes, cannot write them. */
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	check_bands(&l, 2, 1, 1);
	CHECK_EQ_INT(p.bytes, 4);
	CHECK_EQ_INT(p.saw_fin, 0);

	/* End of file with data left. */
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	check_bands(&l, 3, 0, 1);
	CHECK_EQ_INT(p.bytes, 4);
	CHECK_EQ_INT(p.saw_fin, 1);
	CHECK(!iv_fd_pump_is_done(&p));

	/* Still blocked: nothing changes. */
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	check_bands(&l, 4, 0, 1);

	CHECK_EQ_INT(drain(sink[0]), stuffed);
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 0);
	check_bands(&l, 5, 0, 0);
	CHECK_EQ_INT(p.bytes, 0);
	CHECK(iv_fd_pump_is_done(&p));
	CHECK_EQ_INT(read(sink[0], buf, sizeof(buf)), 4);
	CHECK(!memcmp(buf, "tail", 4));

	iv_fd_pump_destroy(&p);
	close(src[0]);
	close(sink[0]);
	close(sink[1]);
	iv_deinit();
	return 0;
}
