/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pending task unregistered and registered again moves to the pass's end. */

#include <iv.h>
#include "check.h"

/*
 * A, B, C are registered in that order.  A unregisters B and registers it
 * again: B has not run in this pass, so it still runs in it, after C.
 */

static struct iv_task a, b, c;
static char trace[8];
static int ntrace;

static void task_ran(void *cookie)
{
	char name = *(char *)cookie;

	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = name;
	if (name == 'A') {
		iv_task_unregister(&b);
		iv_task_register(&b);
	}
}

int main(void)
{
	static char names[] = "ABC";
	struct iv_task *tasks[] = { &a, &b, &c };
	int i;

	TEST_BEGIN(10);
	iv_init();

	for (i = 0; i < 3; i++) {
		IV_TASK_INIT(tasks[i]);
		tasks[i]->cookie = &names[i];
		tasks[i]->handler = task_ran;
		iv_task_register(tasks[i]);
	}

	iv_main();
	CHECK_EQ_STR(trace, "ACB");

	iv_deinit();
	return 0;
}
