/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Tasks run in the order they were registered. */

#include <iv.h>
#include "check.h"

#define NTASKS	10

static int order[NTASKS];
static int nrun;

static void task_ran(void *cookie)
{
	CHECK(nrun < NTASKS);
	order[nrun++] = *(int *)cookie;
}

int main(void)
{
	struct iv_task tasks[NTASKS];
	int ids[NTASKS];
	int perm[NTASKS] = { 3, 7, 0, 9, 1, 8, 2, 6, 4, 5 };
	int i;

	TEST_BEGIN(10);
	iv_init();

	/* Registration order differs from array order. */
	for (i = 0; i < NTASKS; i++) {
		ids[i] = i;
		IV_TASK_INIT(&tasks[i]);
		tasks[i].cookie = &ids[i];
		tasks[i].handler = task_ran;
	}
	for (i = 0; i < NTASKS; i++)
		iv_task_register(&tasks[perm[i]]);

	iv_main();
	CHECK_EQ_INT(nrun, NTASKS);
	for (i = 0; i < NTASKS; i++)
		CHECK_EQ_INT(order[i], perm[i]);

	iv_deinit();
	return 0;
}
