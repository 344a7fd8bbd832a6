/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pump copies a stream socket into another one and, with
 * IV_FD_PUMP_FLAG_RELAY_EOF, passes the end of the stream on. */

#include "stream_util.h"

static struct wired_pump wp;
static struct stream s;

static void pump_end(struct wired_pump *p)
{
	CHECK_EQ_INT(p->result, 0);
	wired_stop(p);
	close(p->pump.from_fd);
	/* to_fd stays open: the reader's EOF must come from shutdown(). */
}

int main(void)
{
	int a[2];
	int b[2];
	int base;

	TEST_BEGIN(30);
	base = count_fds();
	iv_init();

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, a) == 0);
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, b) == 0);
	stream_start(&s, a[0], b[1], 2 << 20, 9000, 5000);
	wired_start(&wp, a[1], b[0], IV_FD_PUMP_FLAG_RELAY_EOF, pump_end);

	iv_main();

	CHECK_EQ_INT(s.received, s.total);
	CHECK(s.reader_eof);
	close(b[0]);
	close(b[1]);

	iv_deinit();
	CHECK_EQ_INT(count_fds(), base);
	return 0;
}
