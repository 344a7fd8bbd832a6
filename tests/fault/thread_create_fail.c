/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* pthread_create failing: iv_thread_create returns -1 and undoes all. */

#include <stdatomic.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "failshim.c"

static atomic_int runs;

static void child(void *arg)
{
	atomic_fetch_add(&runs, 1);
}

int main(void)
{
	int fds;

	TEST_BEGIN(10);
	iv_init();
	fds = failshim_count_fds();

	failshim_set("pthread_create", 0, 1, EAGAIN);
	CHECK_EQ_INT(iv_thread_create("doomed", child, NULL), -1);
	CHECK_EQ_INT(failshim_failures("pthread_create"), 1);
	CHECK_EQ_INT(failshim_count_fds(), fds);

	/* Nothing waits for a child that never was: no hang. */
	iv_main();
	CHECK_EQ_INT(atomic_load(&runs), 0);

	/* The next create is not affected. */
	CHECK_EQ_INT(iv_thread_create("fine", child, NULL), 0);
	iv_main();
	CHECK_EQ_INT(atomic_load(&runs), 1);
	CHECK_EQ_INT(failshim_count_fds(), fds);

	iv_deinit();
	return 0;
}
