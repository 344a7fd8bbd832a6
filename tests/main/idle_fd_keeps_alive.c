/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A registered fd without handlers keeps iv_main() running. */

#include <time.h>
#include <iv.h>
#include "check.h"

static struct iv_fd idle;
static int fired;

static void quit_timer(void *cookie)
{
	fired = 1;
	iv_quit();
}

static double now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	struct iv_timer t;
	double start;
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	/* The read end of an empty pipe, registered without handlers. */
	CHECK(pipe(fds) == 0);
	IV_FD_INIT(&idle);
	idle.fd = fds[0];
	iv_fd_register(&idle);

	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_nsec += 200 * 1000 * 1000;
	if (t.expires.tv_nsec >= 1000000000) {
		t.expires.tv_sec++;
		t.expires.tv_nsec -= 1000000000;
	}
	t.handler = quit_timer;
	iv_timer_register(&t);

	start = now_sec();
	iv_main();
	CHECK_EQ_INT(fired, 1);
	CHECK(now_sec() - start >= 0.19);
	CHECK(iv_fd_registered(&idle));

	iv_fd_unregister(&idle);
	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
