/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fd_pump_is_done() is 1 exactly once a pump step returned 0: not while
 * data flows, not after an error, not once end of file was only seen. */

#include "bands_log.h"

int main(void)
{
	struct iv_fd_pump p;
	struct bands_log l;
	int src[2];
	int sink[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe2(src, O_NONBLOCK) == 0);
	CHECK(pipe2(sink, O_NONBLOCK) == 0);

	pump_setup(&p, &l, src[0], sink[1], 0);
	CHECK(!iv_fd_pump_is_done(&p));

	/* Nothing to read yet. */
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	CHECK(!iv_fd_pump_is_done(&p));

	/* Data, end of file, but a blocked sink. */
	fill_up(sink[1]);
	CHECK_EQ_INT(write(src[1], "x", 1), 1);
	close(src[1]);
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	CHECK_EQ_INT(p.saw_fin, 1);
	CHECK(!iv_fd_pump_is_done(&p));

	/* A failing step is not the end either. */
	close(sink[0]);
	CHECK_ERRNO(iv_fd_pump_pump(&p), EPIPE);
	CHECK(!iv_fd_pump_is_done(&p));
	iv_fd_pump_destroy(&p);
	CHECK(!iv_fd_pump_is_done(&p));

	/* A fresh pump over an empty, closed stream is done in one step. */
	close(src[0]);
	close(sink[1]);
	CHECK(pipe2(src, O_NONBLOCK) == 0);
	CHECK(pipe2(sink, O_NONBLOCK) == 0);
	close(src[1]);
	pump_setup(&p, &l, src[0], sink[1], 0);
	CHECK(!iv_fd_pump_is_done(&p));
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 0);
	CHECK(iv_fd_pump_is_done(&p));
	iv_fd_pump_destroy(&p);
	CHECK(iv_fd_pump_is_done(&p));

	close(src[0]);
	close(sink[0]);
	close(sink[1]);
	iv_deinit();
	return 0;
}
