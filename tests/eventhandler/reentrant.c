/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Calls from inside handlers: deregister self/others, register, recurse. */

#include "eh_test.h"

typedef void (*re_fn)(void *, int);
IV_EVENTHANDLER_DECLARE(re, re_fn);

static struct iv_eventhandler_list *L;
static iv_eventhandler_tag tags[8];
static int calls[8];
static int order[64];
static int norder;
static int wait_mode;

static void note(int i)
{
	calls[i]++;
	if (norder < 64)
		order[norder++] = i;
}

static void clear(void)
{
	memset(calls, 0, sizeof(calls));
	norder = 0;
}

static void dereg(int i)
{
	if (wait_mode)
		CHECK_EQ_INT(iv_eventhandler_deregister(L, tags[i]), 0);
	else
		CHECK_EQ_INT(iv_eventhandler_deregister_nowait(L, tags[i]), 0);
	tags[i] = NULL;
}

static void reg(int i, void (*fn)(void *, int), int pri)
{
	tags[i] = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)fn,
					   (void *)(intptr_t)i, pri);
	CHECK(tags[i] != NULL);
}

static void plain(void *arg, int depth)
{
	note((int)(intptr_t)arg);
}

/* T12/T13 */
static void self_dereg(void *arg, int depth)
{
	int i = (int)(intptr_t)arg;

	note(i);
	dereg(i);
}

/* T14: 1 removes 2 before it is reached; T15: 2 removes 0. */
static void kill_later(void *arg, int depth)
{
	note(1);
	if (tags[2] != NULL)
		dereg(2);
}

static void kill_earlier(void *arg, int depth)
{
	note(2);
	if (tags[0] != NULL)
		dereg(0);
}

/* T16 */
static void adder(void *arg, int depth)
{
	note(1);
	if (tags[0] == NULL) {
		reg(0, plain, IV_EVENTHANDLER_PRI_FIRST);
		reg(3, plain, IV_EVENTHANDLER_PRI_LAST);
	}
}

/* T17 */
static void rereg(void *arg, int depth)
{
	note(1);
	dereg(1);
	reg(1, rereg, IV_EVENTHANDLER_PRI_LAST);
}

/* T18 */
static void recurse(void *arg, int depth)
{
	note((int)(intptr_t)arg);
	if (depth > 0)
		IV_EVENTHANDLER_LIST_INVOKE(re, L, depth - 1);
}

/* T19: X is on the stack twice, then deregisters itself. */
static void nested_self(void *arg, int depth)
{
	note(1);
	if (depth > 0)
		IV_EVENTHANDLER_LIST_INVOKE(re, L, depth - 1);
	else
		dereg(1);
}

/* T20 */
static void kill_all(void *arg, int depth)
{
	note(1);
	CHECK_EQ_INT(iv_eventhandler_deregister_all(L), 0);
}

static void run(int depth)
{
	IV_EVENTHANDLER_LIST_INVOKE(re, L, depth);
}

static void reset_list(const char *name)
{
	L = iv_eventhandler_create_list(name);
	CHECK(L != NULL);
	memset(tags, 0, sizeof(tags));
	clear();
}

int main(void)
{
	TEST_BEGIN(10);

	for (wait_mode = 0; wait_mode < 2; wait_mode++) {
		/* T12, T13 */
		reset_list(wait_mode ? "t12" : "t13");
		reg(0, plain, 0);
		reg(1, self_dereg, 1);
		reg(2, plain, 2);
		run(0);
		CHECK_EQ_INT(calls[0], 1);
		CHECK_EQ_INT(calls[1], 1);
		CHECK_EQ_INT(calls[2], 1);
		clear();
		run(0);
		CHECK_EQ_INT(calls[1], 0);
		CHECK_EQ_INT(calls[2], 1);

		/* T14, T15 */
		reset_list(wait_mode ? "t14" : "t14n");
		reg(0, plain, 0);
		reg(1, kill_later, 1);
		reg(2, plain, 2);
		run(0);
		CHECK_EQ_INT(calls[2], 0);
		CHECK_EQ_INT(calls[0], 1);
		reset_list(wait_mode ? "t15" : "t15n");
		reg(0, plain, 0);
		reg(2, kill_earlier, 2);
		run(0);
		CHECK_EQ_INT(calls[0], 1);
		CHECK_EQ_INT(calls[2], 1);
		clear();
		run(0);
		CHECK_EQ_INT(calls[0], 0);
		CHECK_EQ_INT(calls[2], 1);

		/* T17 */
		reset_list(wait_mode ? "t17" : "t17n");
		reg(1, rereg, 0);
		reg(2, plain, 5);
		run(0);
		CHECK_EQ_INT(calls[1], 1);
		run(0);
		CHECK_EQ_INT(calls[1], 2);
		CHECK_EQ_INT(iv_eventhandler_count(L), 2);

		/* T19 */
		reset_list(wait_mode ? "t19" : "t19n");
		reg(1, nested_self, 0);
		reg(2, plain, 1);
		run(1);
		CHECK_EQ_INT(calls[1], 2);
		/* The inner invocation's 2 is skipped by nothing; the outer
		 * one still runs 2 after the removal of 1. */
		CHECK_EQ_INT(calls[2], 2);
		clear();
		run(1);
		CHECK_EQ_INT(calls[1], 0);
	}
	wait_mode = 1;

	/* T16 */
	reset_list("t16");
	reg(1, adder, IV_EVENTHANDLER_PRI_ANY);
	run(0);
	CHECK_EQ_INT(norder, 1);
	clear();
	run(0);
	CHECK_EQ_INT(norder, 3);
	CHECK_EQ_INT(order[0], 0);
	CHECK_EQ_INT(order[1], 1);
	CHECK_EQ_INT(order[2], 3);

	/* T18: depth 3, then deeper than a frame chunk (16) + 4. */
	reset_list("t18");
	reg(0, recurse, 0);
	reg(1, plain, 1);
	run(3);
	CHECK_EQ_INT(calls[0], 4);
	CHECK_EQ_INT(calls[1], 4);
	clear();
	run(16 + 4);
	CHECK_EQ_INT(calls[0], 21);
	CHECK_EQ_INT(calls[1], 21);
	clear();
	run(40);
	CHECK_EQ_INT(calls[0], 41);

	/* T20 */
	reset_list("t20");
	reg(0, plain, 0);
	reg(1, kill_all, 1);
	reg(2, plain, 2);
	reg(3, plain, 3);
	run(0);
	CHECK_EQ_INT(calls[0], 1);
	CHECK_EQ_INT(calls[2], 0);
	CHECK_EQ_INT(calls[3], 0);
	CHECK_EQ_INT(iv_eventhandler_count(L), 0);
	reg(4, plain, 0);
	clear();
	run(0);
	CHECK_EQ_INT(calls[4], 1);

	iv_eventhandler_shutdown();
	return 0;
}
