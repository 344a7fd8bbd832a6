/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pump over a closed descriptor fails with -1/EBADF, without calling
 * set_bands and without leaking its buffer; the loop keeps running. */

#include "bands_log.h"

static struct iv_timer t1;
static struct iv_timer t2;
static int fds_before;
static int second_ran;

static void arm(struct iv_timer *t, void (*h)(void *))
{
	IV_TIMER_INIT(t);
	iv_validate_now();
	t->expires = iv_now;
	t->handler = h;
	iv_timer_register(t);
}

static void later(void *cookie)
{
	(void)cookie;
	second_ran = 1;
}

static void with_closed_fds(void *cookie)
{
	struct iv_fd_pump p;
	struct bands_log l;
	int live[2];
	int dead;
	int calls;

	(void)cookie;
	CHECK(pipe2(live, O_NONBLOCK) == 0);

	/* A descriptor number that is not open, and high enough that no
	 * pipe the pump may create would get it. */
	dead = fcntl(live[0], F_DUPFD_CLOEXEC, 900);
	CHECK(dead >= 900);
	close(dead);

	/* Closed source.  (Counted after init: ivykis 0.42 keeps the pipes
	 * of its splice probe, which runs there, as cached buffers.) */
	pump_setup(&p, &l, dead, live[1], 0);
	fds_before = count_fds();
	calls = l.calls;
	CHECK_ERRNO(iv_fd_pump_pump(&p), EBADF);
	CHECK_EQ_INT(l.calls, calls);
	CHECK_ERRNO(iv_fd_pump_pump(&p), EBADF);
	CHECK(!iv_fd_pump_is_done(&p));
	iv_fd_pump_destroy(&p);
	CHECK_EQ_INT(count_fds(), fds_before);

	/* Closed sink, with data waiting in the source. */
	CHECK_EQ_INT(write(live[1], "abc", 3), 3);
	pump_setup(&p, &l, live[0], dead, 0);
	calls = l.calls;
	CHECK_ERRNO(iv_fd_pump_pump(&p), EBADF);
	CHECK_EQ_INT(l.calls, calls);
	iv_fd_pump_destroy(&p);
	/* Nothing leaked (ivykis closes its cached pipe here: fewer). */
	CHECK(count_fds() <= fds_before);

	close(live[0]);
	close(live[1]);
	arm(&t2, later);
}

int main(void)
{
	int base;

	TEST_BEGIN(10);
	base = count_fds();
	iv_init();
	arm(&t1, with_closed_fds);
	iv_main();
	CHECK(second_ran);
	iv_deinit();
	CHECK_EQ_INT(count_fds(), base);
	return 0;
}
