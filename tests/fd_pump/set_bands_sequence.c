/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The set_bands calls and return values of a pump over a short stream:
 * init (1,0); pump (1,0) -> 1; pump (0,0) -> 0; after that pump keeps
 * returning 0 with (0,0), and destroy stays silent. */

#include "bands_log.h"

int main(void)
{
	struct iv_fd_pump p;
	struct bands_log l;
	int src[2];
	int sink[2];
	char buf[16];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe2(src, O_NONBLOCK) == 0);
	CHECK(pipe2(sink, O_NONBLOCK) == 0);
	CHECK_EQ_INT(write(src[1], "hello", 5), 5);
	close(src[1]);

	memset(&p, 0x5a, sizeof(p));
	pump_setup(&p, &l, src[0], sink[1], 0);
	check_bands(&l, 1, 1, 0);
	CHECK(p.buf == NULL);
	CHECK_EQ_INT(p.bytes, 0);
	CHECK_EQ_INT(p.full, 0);
	CHECK_EQ_INT(p.saw_fin, 0);
	CHECK(!iv_fd_pump_is_done(&p));

	/* Everything read is written at once. */
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	check_bands(&l, 2, 1, 0);
	CHECK_EQ_INT(p.bytes, 0);
	CHECK(!iv_fd_pump_is_done(&p));

	CHECK_EQ_INT(iv_fd_pump_pump(&p), 0);
	check_bands(&l, 3, 0, 0);
	CHECK(iv_fd_pump_is_done(&p));

	CHECK_EQ_INT(iv_fd_pump_pump(&p), 0);
	check_bands(&l, 4, 0, 0);
	iv_fd_pump_destroy(&p);
	CHECK_EQ_INT(l.calls, 4);

	CHECK_EQ_INT(read(sink[0], buf, sizeof(buf)), 5);
	CHECK(!memcmp(buf, "hello", 5));
	CHECK_ERRNO(read(sink[0], buf, sizeof(buf)), EAGAIN);

	close(src[0]);
	close(sink[0]);
	close(sink[1]);
	iv_deinit();
	return 0;
}
