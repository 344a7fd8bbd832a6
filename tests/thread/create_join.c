/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A child runs its function with its own TID; iv_main waits for the join. */

#include <pthread.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "stderr_capture.h"

static unsigned long parent_tid;
static atomic_int started, finished;

static void child(void *arg)
{
	CHECK(arg == &started);
	CHECK_EQ_INT(iv_thread_get_id(), gettid());
	CHECK_EQ_INT(iv_get_thread_id(), gettid());
	CHECK(iv_thread_get_id() != parent_tid);
	atomic_store(&started, 1);
	/* The parent's loop has nothing else and must wait for us. */
	usleep(100000);
	atomic_store(&finished, 1);
}

int main(void)
{
	int base;

	TEST_BEGIN(10);
	base = task_baseline();
	iv_init();
	parent_tid = iv_thread_get_id();
	CHECK_EQ_INT(parent_tid, getpid());
	CHECK_EQ_INT(iv_get_thread_id(), parent_tid);

	CHECK_EQ_INT(iv_thread_create("child", child, &started), 0);
	iv_main();

	CHECK_EQ_INT(atomic_load(&started), 1);
	CHECK_EQ_INT(atomic_load(&finished), 1);
	/* Joined: the kernel thread is gone. */
	CHECK_EQ_INT(count_tasks(base), base);

	/* The loop is usable again. */
	atomic_store(&started, 0);
	CHECK_EQ_INT(iv_thread_create("again", child, &started), 0);
	iv_main();
	CHECK_EQ_INT(atomic_load(&started), 1);
	CHECK_EQ_INT(count_tasks(base), base);

	iv_deinit();
	return 0;
}
