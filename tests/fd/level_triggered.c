/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unconsumed input is reported again in every iteration (level-triggered). */

#include <iv.h>
#include "check.h"

static struct iv_fd f;
static struct iv_task ticker;
static int iterations;
static int calls;
static int last_iteration = -1;

/* Re-registers itself, so it runs exactly once per iteration. */
static void tick(void *cookie)
{
	iterations++;
	if (iv_fd_registered(&f))
		iv_task_register(&ticker);
}

static void fd_in(void *cookie)
{
	calls++;
	CHECK(iterations > last_iteration);
	last_iteration = iterations;
	if (calls == 5)
		iv_fd_unregister(&f);
}

int main(void)
{
	int fds[2];
	char buf[8];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "abc", 3) == 3);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	f.handler_in = fd_in;
	iv_fd_register(&f);
	IV_TASK_INIT(&ticker);
	ticker.handler = tick;
	iv_task_register(&ticker);

	iv_main();
	CHECK_EQ_INT(calls, 5);
	/* The data was never consumed by the loop. */
	CHECK_EQ_INT(read(fds[0], buf, sizeof(buf)), 3);

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
