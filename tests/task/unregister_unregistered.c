/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unregistering a task that is not registered is fatal. */

#include <iv.h>
#include "fatal_helper.h"

static void handler(void *cookie)
{
}

static void never_registered(void *arg)
{
	struct iv_task t;

	iv_init();
	IV_TASK_INIT(&t);
	t.handler = handler;
	iv_task_unregister(&t);
}

static void unregister_in_own_handler(void *cookie)
{
	/* The task is no longer registered while its handler runs. */
	iv_task_unregister(cookie);
}

static void after_it_ran(void *arg)
{
	struct iv_task t;

	iv_init();
	IV_TASK_INIT(&t);
	t.cookie = &t;
	t.handler = unregister_in_own_handler;
	iv_task_register(&t);
	iv_main();
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(never_registered, NULL,
		     "iv_task_unregister: called with task not on a list");
	expect_fatal(after_it_ran, NULL,
		     "iv_task_unregister: called with task not on a list");
	return 0;
}
