/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A continuation with no idle worker makes the owner start one. */

/*
 * The only worker submits a continuation and then waits for it to have
 * run: that can only happen if the owner, asked by the worker, starts a
 * second worker (max_threads allows two).  Not in ivykis 0.42.4.
 */

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <time.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

static struct iv_work_pool pool;
static struct iv_work_item first, second;
static sem_t second_ran;
static atomic_ulong first_tid, second_tid;
static atomic_int starts;
static int completions;

static void thread_start(void *cookie)
{
	atomic_fetch_add(&starts, 1);
}

static void work_second(void *cookie)
{
	atomic_store(&second_tid, iv_get_thread_id());
	CHECK_EQ_INT(sem_post(&second_ran), 0);
}

static void work_first(void *cookie)
{
	struct timespec ts;

	atomic_store(&first_tid, iv_get_thread_id());
	iv_work_pool_submit_continuation(&pool, &second);

	CHECK_EQ_INT(clock_gettime(CLOCK_REALTIME, &ts), 0);
	ts.tv_sec += 5;
	while (sem_timedwait(&second_ran, &ts) < 0)
		CHECK_EQ_INT(errno, EINTR);
}

static void completion(void *cookie)
{
	if (++completions == 2)
		iv_work_pool_put(&pool);
}

int main(void)
{
	TEST_BEGIN(10);
	CHECK_EQ_INT(sem_init(&second_ran, 0, 0), 0);
	iv_init();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 2;
	pool.thread_start = thread_start;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	IV_WORK_ITEM_INIT(&first);
	first.work = work_first;
	first.completion = completion;
	IV_WORK_ITEM_INIT(&second);
	second.work = work_second;
	second.completion = completion;
	iv_work_pool_submit_work(&pool, &first);

	iv_main();
	CHECK_EQ_INT(completions, 2);
	CHECK_EQ_INT(atomic_load(&starts), 2);
	CHECK(atomic_load(&first_tid) != atomic_load(&second_tid));

	iv_deinit();
	sem_destroy(&second_ran);
	return 0;
}
