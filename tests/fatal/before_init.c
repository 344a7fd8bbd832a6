/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Per-thread calls before iv_init() are a named fatal error (Liana). */

#include <iv.h>
#include "fatal_helper.h"

/*
 * ivykis 0.42 dereferences a NULL state pointer instead (a crash), so this
 * test fails against it.  Liana's message is "<function>: called in a
 * thread without iv_init"; the test insists on the function name prefix.
 */

static void handler(void *cookie)
{
}

static void call_main(void *arg)
{
	iv_main();
}

static void call_fd_register(void *arg)
{
	struct iv_fd f;
	int fds[2];

	CHECK(pipe(fds) == 0);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	f.handler_in = handler;
	iv_fd_register(&f);
}

static void call_task_register(void *arg)
{
	struct iv_task t;

	IV_TASK_INIT(&t);
	t.handler = handler;
	iv_task_register(&t);
}

static void call_timer_register(void *arg)
{
	struct iv_timer t;

	IV_TIMER_INIT(&t);
	t.expires.tv_sec = 0;
	t.expires.tv_nsec = 0;
	t.handler = handler;
	iv_timer_register(&t);
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal_prefix(call_main, NULL, "iv_main: ");
	expect_fatal_prefix(call_fd_register, NULL, "iv_fd_register: ");
	expect_fatal_prefix(call_task_register, NULL, "iv_task_register: ");
	expect_fatal_prefix(call_timer_register, NULL, "iv_timer_register: ");
	return 0;
}
