/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pump copies a pipe into another pipe, every byte in order. */

#include "stream_util.h"

static struct wired_pump wp;
static struct stream s;

static void pump_end(struct wired_pump *p)
{
	CHECK_EQ_INT(p->result, 0);
	CHECK(iv_fd_pump_is_done(&p->pump));
	wired_stop(p);
	close(p->pump.from_fd);
	/* Closing the sink's write end is what gives the reader EOF. */
	close(p->pump.to_fd);
}

int main(void)
{
	int src[2];
	int sink[2];
	int base;

	TEST_BEGIN(30);
	base = count_fds();
	iv_init();

	CHECK(pipe(src) == 0);
	CHECK(pipe(sink) == 0);
	stream_start(&s, src[1], sink[0], 3 << 20, 10000, 6000);
	wired_start(&wp, src[0], sink[1], 0, pump_end);

	iv_main();

	CHECK_EQ_INT(s.sent, s.total);
	CHECK_EQ_INT(s.received, s.total);
	CHECK(s.reader_eof);
	close(sink[0]);

	iv_deinit();
	CHECK_EQ_INT(count_fds(), base);
	return 0;
}
