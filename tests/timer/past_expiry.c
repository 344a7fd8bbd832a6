/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A timer registered from a task with an expiry in the past fires. */

#include <iv.h>
#include "check.h"

static struct iv_timer t;
static int fired;

static void timer_fired(void *cookie)
{
	fired++;
}

static void register_timer(void *cookie)
{
	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_sec -= 10;
	t.handler = timer_fired;
	iv_timer_register(&t);
}

int main(void)
{
	struct iv_task task;

	TEST_BEGIN(10);
	iv_init();

	IV_TASK_INIT(&task);
	task.handler = register_timer;
	iv_task_register(&task);

	iv_main();
	CHECK_EQ_INT(fired, 1);

	iv_deinit();
	return 0;
}
