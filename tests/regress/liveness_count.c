/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Register/unregister churn leaves the live-object count at zero. */

#include <time.h>
#include <iv.h>
#include "check.h"

/*
 * Every kind of core object is registered and unregistered in various
 * orders, including from callbacks.  Afterwards iv_main() must return at
 * once: a count off by one would make it block forever.
 */

#define NTIMERS	1000

static struct iv_timer timers[NTIMERS];
static struct iv_task tasks[3];
static struct iv_fd fds[2];
static int pipefd[2];

static void nothing(void *cookie)
{
}

/* Unregisters everything that is still registered. */
static void cleanup(void *cookie)
{
	int i;

	for (i = 0; i < NTIMERS; i++)
		if (iv_timer_registered(&timers[i]))
			iv_timer_unregister(&timers[i]);
	for (i = 0; i < 3; i++)
		if (iv_task_registered(&tasks[i]))
			iv_task_unregister(&tasks[i]);
	for (i = 0; i < 2; i++)
		if (iv_fd_registered(&fds[i]))
			iv_fd_unregister(&fds[i]);
}

static double now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void register_all(void)
{
	int i;

	for (i = 0; i < NTIMERS; i++) {
		IV_TIMER_INIT(&timers[i]);
		timers[i].expires = iv_now;
		timers[i].expires.tv_sec += 100 + i;
		timers[i].handler = nothing;
		iv_timer_register(&timers[i]);
	}
	for (i = 0; i < 3; i++) {
		IV_TASK_INIT(&tasks[i]);
		tasks[i].handler = nothing;
		iv_task_register(&tasks[i]);
	}
	IV_FD_INIT(&fds[0]);
	fds[0].fd = pipefd[0];
	fds[0].handler_in = nothing;
	iv_fd_register(&fds[0]);
	IV_FD_INIT(&fds[1]);
	fds[1].fd = pipefd[1];
	CHECK_EQ_INT(iv_fd_register_try(&fds[1]), 0);
}

int main(void)
{
	struct iv_task last;
	double start;

	TEST_BEGIN(10);
	iv_init();
	CHECK(pipe(pipefd) == 0);

	/* Churn outside the loop. */
	register_all();
	cleanup(NULL);
	start = now_sec();
	iv_main();
	CHECK(now_sec() - start < 1.0);

	/* Cleanup from a task that runs before the others of its pass. */
	IV_TASK_INIT(&last);
	last.handler = cleanup;
	iv_task_register(&last);
	register_all();
	start = now_sec();
	iv_main();
	CHECK(now_sec() - start < 1.0);

	close(pipefd[0]);
	close(pipefd[1]);
	iv_deinit();
	return 0;
}
