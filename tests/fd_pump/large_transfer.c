/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* 8 MiB between stream sockets with tiny socket buffers: the pump meets short
 * reads, short writes and EAGAIN on both sides and still delivers every
 * byte in order, then relays the end of the stream. */

#include "stream_util.h"

static struct wired_pump wp;
static struct stream s;

static void pump_end(struct wired_pump *p)
{
	CHECK_EQ_INT(p->result, 0);
	wired_stop(p);
	close(p->pump.from_fd);
}

/*
 * A stream socket pair whose send buffers are as small as the kernel
 * allows.  (Loopback TCP with tiny buffers is no good here: its 64 KiB
 * segment size against a 4 KiB window makes every step wait for the
 * zero-window probe timer.)
 */
static void small_pair(int fds[2])
{
	CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0);
	small_buffers(fds[0], 4096);
	small_buffers(fds[1], 4096);
}

int main(void)
{
	int a[2];
	int b[2];
	int base;

	TEST_BEGIN(60);
	base = count_fds();
	iv_init();

	small_pair(a);
	small_pair(b);
	stream_start(&s, a[0], b[1], 8 << 20, 7000, 3000);
	wired_start(&wp, a[1], b[0], IV_FD_PUMP_FLAG_RELAY_EOF, pump_end);

	iv_main();

	CHECK_EQ_INT(s.received, s.total);
	CHECK(s.reader_eof);
	/* The sink fell behind: writes came up short or hit EAGAIN, so data
	 * stayed buffered across steps.  (Whether the buffer also filled up
	 * depends on timing; input_paused_when_full checks that case.) */
	CHECK(wp.steps_left_data > 0);
	CHECK(wp.steps > (int)(s.total / 65536));
	close(b[0]);
	close(b[1]);

	iv_deinit();
	CHECK_EQ_INT(count_fds(), base);
	return 0;
}
