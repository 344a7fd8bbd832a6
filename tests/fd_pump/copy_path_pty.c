/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pump from a pipe into a pseudo-terminal (no splicing there): the small
 * terminal buffer gives short writes and EAGAIN, every byte arrives. */

#include "pty_util.h"
#include "stream_util.h"

static struct wired_pump wp;
static struct stream s;

static void pump_end(struct wired_pump *p)
{
	CHECK_EQ_INT(p->result, 0);
	wired_stop(p);
	close(p->pump.from_fd);
}

int main(void)
{
	int src[2];
	int pty[2];
	int base;

	TEST_BEGIN(30);
	base = count_fds();
	if (open_raw_pty(pty) < 0) {
		fprintf(stderr, "no pseudo-terminals: skipped\n");
		return TEST_SKIP;
	}

	iv_init();
	CHECK(pipe(src) == 0);
	/* A terminal has no end of file to relay: stop at the byte count. */
	stream_start(&s, src[1], pty[1], 1 << 20, 8192, 1000);
	s.stop_at_total = 1;
	wired_start(&wp, src[0], pty[0], 0, pump_end);

	iv_main();

	CHECK_EQ_INT(s.received, s.total);
	CHECK(wp.steps_left_data > 0);
	close(pty[0]);
	close(pty[1]);

	iv_deinit();
	CHECK_EQ_INT(count_fds(), base);
	return 0;
}
