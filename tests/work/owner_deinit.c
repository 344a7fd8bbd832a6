/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* An owner that iv_deinit()s with a busy pool orphans it without a crash. */

/*
 * The owner thread submits one item that blocks, one that is still
 * queued behind it, and calls iv_deinit() without putting the pool.
 * Afterwards the blocked work returns: the worker must find the owner's
 * loop gone, drop the items (no completion can run any more), call
 * thread_stop and leave, and the last one out frees the pool.  ivykis
 * 0.42 would post into the freed loop here.
 */

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"
#include "thread/stderr_capture.h"

static struct iv_work_pool pool;
static struct iv_work_item blocked, queued;
static sem_t running, go;
static atomic_int starts, stops, worked, completed;

static void sem_wait_intr(sem_t *s)
{
	while (sem_wait(s) < 0)
		CHECK_EQ_INT(errno, EINTR);
}

static void thread_start(void *cookie)
{
	atomic_fetch_add(&starts, 1);
}

static void thread_stop(void *cookie)
{
	atomic_fetch_add(&stops, 1);
}

static void work_blocked(void *cookie)
{
	CHECK_EQ_INT(sem_post(&running), 0);
	sem_wait_intr(&go);
	atomic_fetch_add(&worked, 1);
}

static void work_queued(void *cookie)
{
	atomic_fetch_add(&worked, 1);
}

static void completion(void *cookie)
{
	atomic_fetch_add(&completed, 1);
}

static void *owner(void *arg)
{
	iv_init();
	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 1;
	pool.thread_start = thread_start;
	pool.thread_stop = thread_stop;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	IV_WORK_ITEM_INIT(&blocked);
	blocked.work = work_blocked;
	blocked.completion = completion;
	IV_WORK_ITEM_INIT(&queued);
	queued.work = work_queued;
	queued.completion = completion;
	iv_work_pool_submit_work(&pool, &blocked);
	iv_work_pool_submit_work(&pool, &queued);

	sem_wait_intr(&running);
	iv_deinit();
	return NULL;
}

int main(void)
{
	pthread_t t;
	int base;

	TEST_BEGIN(10);
	base = task_baseline();
	CHECK_EQ_INT(sem_init(&running, 0, 0), 0);
	CHECK_EQ_INT(sem_init(&go, 0, 0), 0);

	CHECK_EQ_INT(pthread_create(&t, NULL, owner, NULL), 0);
	CHECK_EQ_INT(pthread_join(t, NULL), 0);

	CHECK_EQ_INT(sem_post(&go), 0);
	CHECK_EQ_INT(count_tasks(base), base);

	CHECK_EQ_INT(atomic_load(&starts), 1);
	CHECK_EQ_INT(atomic_load(&stops), 1);
	CHECK_EQ_INT(atomic_load(&worked), 1);
	CHECK_EQ_INT(atomic_load(&completed), 0);

	sem_destroy(&running);
	sem_destroy(&go);
	return 0;
}
