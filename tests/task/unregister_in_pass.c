/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A task unregistered by an earlier task of the same pass does not run. */

#include <stdlib.h>
#include <iv.h>
#include "check.h"

/*
 * First, second and third are registered in that order.  First
 * unregisters and frees second, so only first and third may run.
 */

static struct iv_task first, third;
static struct iv_task *second;
static char trace[8];
static int ntrace;

static void note(char ch)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = ch;
}

static void task_first(void *cookie)
{
	note('1');
	CHECK(iv_task_registered(second));
	iv_task_unregister(second);
	CHECK(!iv_task_registered(second));
	free(second);
	second = NULL;
}

static void task_second(void *cookie)
{
	note('2');
}

static void task_third(void *cookie)
{
	note('3');
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	second = malloc(sizeof(*second));
	CHECK(second != NULL);
	IV_TASK_INIT(&first);
	first.handler = task_first;
	IV_TASK_INIT(second);
	second->handler = task_second;
	IV_TASK_INIT(&third);
	third.handler = task_third;
	iv_task_register(&first);
	iv_task_register(second);
	iv_task_register(&third);

	iv_main();
	CHECK_EQ_STR(trace, "13");

	iv_deinit();
	return 0;
}
