/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Setting all handlers to NULL stops callbacks but keeps the loop alive. */

#include <sys/socket.h>
#include <iv.h>
#include "check.h"

static struct iv_fd f;
static int ins, outs, errs;
static int timer_fired;

static void fd_in(void *cookie)
{
	ins++;
	iv_fd_set_handler_in(&f, NULL);
	iv_fd_set_handler_out(&f, NULL);
	iv_fd_set_handler_err(&f, NULL);
}

static void fd_out(void *cookie)
{
	outs++;
}

static void fd_err(void *cookie)
{
	errs++;
}

static void check_and_stop(void *cookie)
{
	timer_fired = 1;
	CHECK_EQ_INT(ins, 1);
	CHECK(iv_fd_registered(&f));
	iv_fd_unregister(&f);
}

int main(void)
{
	struct iv_timer t;
	int sv[2];

	TEST_BEGIN(10);
	iv_init();

	/* Readable (unconsumed data) and writable for the whole test. */
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(write(sv[1], "x", 1) == 1);
	IV_FD_INIT(&f);
	f.fd = sv[0];
	f.handler_in = fd_in;
	f.handler_out = fd_out;
	f.handler_err = fd_err;
	iv_fd_register(&f);

	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_nsec += 100 * 1000 * 1000;
	if (t.expires.tv_nsec >= 1000000000) {
		t.expires.tv_sec++;
		t.expires.tv_nsec -= 1000000000;
	}
	t.handler = check_and_stop;
	iv_timer_register(&t);

	iv_main();
	CHECK_EQ_INT(timer_fired, 1);
	CHECK_EQ_INT(ins, 1);
	CHECK_EQ_INT(outs, 0);
	CHECK_EQ_INT(errs, 0);

	close(sv[0]);
	close(sv[1]);
	iv_deinit();
	return 0;
}
