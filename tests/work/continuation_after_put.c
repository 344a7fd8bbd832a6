/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A worker may still submit a continuation after the owner put the pool. */

/*
 * The first item's work waits until the owner has put the pool (priv is
 * NULL by then), then submits a continuation through the same struct.
 * The worker knows its own pool, so the continuation runs and its
 * completion still reaches the owner before iv_main() returns.
 * (iv_work_pool_submit_continuation is not in ivykis 0.42.4.)
 */

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

static struct iv_work_pool pool;
static struct iv_work_item first, second;
static sem_t put_done;
static unsigned long owner_tid;
static atomic_int second_worked;
static int completions;

static void work_second(void *cookie)
{
	CHECK(iv_get_thread_id() != owner_tid);
	atomic_store(&second_worked, 1);
}

static void work_first(void *cookie)
{
	while (sem_wait(&put_done) < 0)
		CHECK_EQ_INT(errno, EINTR);
	iv_work_pool_submit_continuation(&pool, &second);
}

static void completion(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), owner_tid);
	completions++;
}

int main(void)
{
	TEST_BEGIN(10);
	CHECK_EQ_INT(sem_init(&put_done, 0, 0), 0);
	iv_init();
	owner_tid = iv_get_thread_id();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 1;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	IV_WORK_ITEM_INIT(&first);
	first.work = work_first;
	first.completion = completion;
	IV_WORK_ITEM_INIT(&second);
	second.work = work_second;
	second.completion = completion;
	iv_work_pool_submit_work(&pool, &first);

	iv_work_pool_put(&pool);
	CHECK_EQ_INT(sem_post(&put_done), 0);

	iv_main();
	CHECK_EQ_INT(completions, 2);
	CHECK_EQ_INT(atomic_load(&second_worked), 1);

	iv_deinit();
	sem_destroy(&put_done);
	return 0;
}
