/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Buffers that run empty go back to a per-thread cache of at most 20, so
 * many pumps in a row cost no new descriptors, the cache never grows past
 * its bound, and iv_deinit() releases it. */

#include "bands_log.h"

#define NPUMPS	32

static struct iv_fd_pump p[NPUMPS];
static struct bands_log l[NPUMPS];
static int src[NPUMPS][2];
static int sink[NPUMPS][2];

int main(void)
{
	int base;
	int before;
	int per = splice_disabled() ? 0 : 2;

	TEST_BEGIN(20);
	base = count_fds();
	iv_init();

	for (int i = 0; i < NPUMPS; i++) {
		CHECK(pipe2(src[i], O_NONBLOCK) == 0);
		CHECK(pipe2(sink[i], O_NONBLOCK) == 0);
		fill_up(sink[i][1]);
		CHECK_EQ_INT(write(src[i][1], "x", 1), 1);
	}
	before = count_fds();

	/* Every pump holds a buffer at once. */
	for (int i = 0; i < NPUMPS; i++) {
		pump_setup(&p[i], &l[i], src[i][0], sink[i][1], 0);
		CHECK_EQ_INT(iv_fd_pump_pump(&p[i]), 1);
		CHECK_EQ_INT(p[i].bytes, 1);
	}
	CHECK_EQ_INT(count_fds(), before + NPUMPS * per);

	/* All of them drain: 20 buffers are kept, the rest are freed. */
	for (int i = 0; i < NPUMPS; i++) {
		drain(sink[i][0]);
		CHECK_EQ_INT(iv_fd_pump_pump(&p[i]), 1);
		CHECK_EQ_INT(p[i].bytes, 0);
	}
	CHECK_EQ_INT(count_fds(), before + 20 * per);

	/* Reuse: another round of traffic creates nothing new. */
	for (int i = 0; i < NPUMPS; i++) {
		CHECK_EQ_INT(write(src[i][1], "y", 1), 1);
		CHECK_EQ_INT(iv_fd_pump_pump(&p[i]), 1);
		CHECK_EQ_INT(p[i].bytes, 0);
		CHECK_EQ_INT(count_fds(), before + 20 * per);
	}

	for (int i = 0; i < NPUMPS; i++) {
		iv_fd_pump_destroy(&p[i]);
		close(src[i][0]);
		close(src[i][1]);
		close(sink[i][0]);
		close(sink[i][1]);
	}
	iv_deinit();
	CHECK_EQ_INT(count_fds(), base);
	return 0;
}
