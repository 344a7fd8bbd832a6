/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* IV_TASK_INIT() may be used before iv_init(); such a task runs normally. */

#include <iv.h>
#include "check.h"

static int ran;

static void task_ran(void *cookie)
{
	ran++;
}

int main(void)
{
	struct iv_task t;

	TEST_BEGIN(10);
	IV_TASK_INIT(&t);
	t.handler = task_ran;
	CHECK_EQ_INT(iv_task_registered(&t), 0);

	iv_init();
	iv_task_register(&t);
	iv_main();
	CHECK_EQ_INT(ran, 1);

	iv_deinit();
	return 0;
}
