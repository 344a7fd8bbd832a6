/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Registering a task that is still registered is fatal. */

#include <iv.h>
#include "fatal_helper.h"

static void handler(void *cookie)
{
}

static void register_twice(void *arg)
{
	struct iv_task t;

	iv_init();
	IV_TASK_INIT(&t);
	t.handler = handler;
	iv_task_register(&t);
	iv_task_register(&t);
}

int main(void)
{
	TEST_BEGIN(10);
	expect_fatal(register_twice, NULL,
		     "iv_task_register: called with task still on a list");
	return 0;
}
