/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A child that ignores SIGTERM gets five of them, 5 s apart, then SIGKILL
 * (about 25 s in all); the loop runs meanwhile and ends once it is
 * reaped. */

#include "popen_util.h"

static char *argv[] = {
	ARG("sh"), ARG("-c"),
	ARG("trap '' TERM; echo ready; exec sleep 120"), NULL,
};
static struct iv_popen_request req;
static struct reader rd;
static struct iv_timer tick;
static long long closed_at;
static long long reaped_at;
static int ticks;

static void ticked(void *cookie)
{
	ticks++;
	if (no_children()) {
		reaped_at = mono_ms();
		return;
	}
	timer_in(&tick, 100, ticked, NULL);
}

/* The child ignores SIGTERM from here on. */
static void got_ready(struct reader *r)
{
	CHECK_EQ_STR(r->buf, "ready\n");
	closed_at = mono_ms();
	iv_popen_request_close(&req);
	timer_in(&tick, 100, ticked, NULL);
}

static void got_line(void *cookie)
{
	reader_in(cookie);
	if (!rd.eof && strchr(rd.buf, '\n') != NULL) {
		iv_fd_unregister(&rd.fd);
		close(rd.fd.fd);
		rd.eof = 1;
		got_ready(&rd);
	}
}

int main(void)
{
	long long took;
	int fd;

	TEST_BEGIN(50);
	iv_init();

	request_setup(&req, "sh", argv, "r");
	fd = iv_popen_request_submit(&req);
	CHECK(fd > 2);
	reader_start(&rd, fd, got_ready);
	iv_fd_set_handler_in(&rd.fd, got_line);
	iv_main();

	if (reaped_at == 0)
		reaped_at = mono_ms();
	took = reaped_at - closed_at;
	CHECK(took >= 24500);
	CHECK(took < 30000);
	CHECK(ticks > 150);
	check_no_children();
	iv_deinit();
	return 0;
}
