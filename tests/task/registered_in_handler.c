/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_task_registered() is 1 until the task runs and 0 inside its handler. */

#include <iv.h>
#include "check.h"

static struct iv_task t;
static int ran;

static void task_ran(void *cookie)
{
	ran++;
	CHECK_EQ_INT(iv_task_registered(&t), 0);
	if (ran == 1) {
		iv_task_register(&t);
		CHECK_EQ_INT(iv_task_registered(&t), 1);
	}
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	IV_TASK_INIT(&t);
	t.handler = task_ran;
	CHECK_EQ_INT(iv_task_registered(&t), 0);
	iv_task_register(&t);
	CHECK_EQ_INT(iv_task_registered(&t), 1);
	iv_task_unregister(&t);
	CHECK_EQ_INT(iv_task_registered(&t), 0);
	iv_task_register(&t);

	iv_main();
	CHECK_EQ_INT(ran, 2);
	CHECK_EQ_INT(iv_task_registered(&t), 0);

	iv_deinit();
	return 0;
}
