/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A past timer that keeps re-registering itself does not starve a task. */

#include <iv.h>
#include "check.h"

static struct iv_timer t;
static struct iv_task task;
static int task_ran;
static int fired;

static void task_handler(void *cookie)
{
	task_ran = 1;
}

static void timer_fired(void *cookie)
{
	fired++;
	CHECK(fired < 1000);
	if (task_ran)
		return;
	if (!iv_task_registered(&task))
		iv_task_register(&task);
	t.expires = iv_now;
	t.expires.tv_sec -= 1;
	iv_timer_register(&t);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	IV_TASK_INIT(&task);
	task.handler = task_handler;
	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_sec -= 1;
	t.handler = timer_fired;
	iv_timer_register(&t);

	iv_main();
	CHECK_EQ_INT(task_ran, 1);
	/* Fired once, the task ran, then fired once more and stopped. */
	CHECK_EQ_INT(fired, 2);

	iv_deinit();
	return 0;
}
