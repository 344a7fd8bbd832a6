/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Between pipes and sockets the pump splices through a private pipe (two
 * more descriptors while it holds data); with a terminal or character
 * device on either side it copies through memory (no descriptor).
 * IV_FD_PUMP_NO_SPLICE=1 makes every pump copy.  Liana-specific: ivykis
 * 0.42 splices whenever the kernel can, whatever the descriptors are. */

#include <poll.h>
#include "bands_log.h"
#include "pty_util.h"

enum kind { PIPE, SOCK, PTY, ZERO };

static void wait_readable(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	CHECK_EQ_INT(poll(&pfd, 1, 5000), 1);
}

/* A source with data waiting: read end in r; w is the end to close. */
static void make_source(enum kind k, int *r, int *w)
{
	int fds[2];

	switch (k) {
	case PIPE:
		CHECK(pipe2(fds, O_NONBLOCK) == 0);
		break;
	case SOCK:
		CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
				 fds) == 0);
		break;
	case PTY:
		CHECK(open_raw_pty(fds) == 0);
		/* Written on the slave, read on the master. */
		*r = fds[0];
		*w = fds[1];
		CHECK_EQ_INT(write(*w, "source", 6), 6);
		/* The terminal layer passes it on asynchronously. */
		wait_readable(*r);
		return;
	case ZERO:
		*r = open("/dev/zero", O_RDONLY | O_CLOEXEC);
		CHECK(*r >= 0);
		*w = -1;
		return;
	}
	*r = fds[0];
	*w = fds[1];
	if (k == SOCK) {
		*r = fds[1];
		*w = fds[0];
	}
	CHECK_EQ_INT(write(*w, "source", 6), 6);
}

/* A sink that accepts nothing more: write end in w; r is its far end. */
static void make_sink(enum kind k, int *w, int *r)
{
	int fds[2];

	switch (k) {
	case PIPE:
		CHECK(pipe2(fds, O_NONBLOCK) == 0);
		*r = fds[0];
		*w = fds[1];
		break;
	case SOCK:
		CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
				 fds) == 0);
		*w = fds[0];
		*r = fds[1];
		break;
	case PTY:
		CHECK(open_raw_pty(fds) == 0);
		*w = fds[0];
		*r = fds[1];
		break;
	case ZERO:
		CHECK(0);
	}

	/* A terminal frees room asynchronously; fill until it stays full. */
	fill_up(*w);
	if (k == PTY) {
		do
			usleep(20000);
		while (fill_up(*w) > 0);
	}
}

static void check_kind(enum kind from, enum kind to, int splices)
{
	struct iv_fd_pump p;
	struct bands_log l;
	int sr, sw, kw, kr;
	int before;

	make_source(from, &sr, &sw);
	make_sink(to, &kw, &kr);
	before = count_fds();

	pump_setup(&p, &l, sr, kw, 0);
	CHECK_EQ_INT(iv_fd_pump_pump(&p), 1);
	CHECK(p.bytes > 0);
	if (splice_disabled())
		splices = 0;
	if (count_fds() != before + (splices ? 2 : 0)) {
		fprintf(stderr, "kinds %d -> %d: %d descriptors, want %d\n",
			from, to, count_fds() - before, splices ? 2 : 0);
		abort();
	}
	iv_fd_pump_destroy(&p);
	CHECK_EQ_INT(count_fds(), before);

	close(sr);
	if (sw >= 0)
		close(sw);
	close(kw);
	close(kr);
}

int main(void)
{
	int base;
	int probe[2];
	int have_pty;

	TEST_BEGIN(10);
	base = count_fds();
	have_pty = open_raw_pty(probe) == 0;
	if (have_pty) {
		close(probe[0]);
		close(probe[1]);
	}

	iv_init();
	check_kind(PIPE, PIPE, 1);
	check_kind(SOCK, SOCK, 1);
	check_kind(PIPE, SOCK, 1);
	check_kind(SOCK, PIPE, 1);
	check_kind(ZERO, PIPE, 0);
	check_kind(ZERO, SOCK, 0);
	if (have_pty) {
		check_kind(PIPE, PTY, 0);
		check_kind(PTY, SOCK, 0);
	}
	iv_deinit();

	CHECK_EQ_INT(count_fds(), base);
	return 0;
}
