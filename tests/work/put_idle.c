/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Putting a pool sends its idle workers away at once. */

/*
 * Four items keep up to four workers busy; once all completions have
 * run, the workers are idle and the pool is put.  iv_main() must return
 * long before the ten-second idle timeout, with every started worker
 * stopped and joined.
 */

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

#define ITEMS	4

static struct iv_work_pool pool;
static struct iv_work_item items[ITEMS];
static atomic_int starts, stops;
static int completions;

static void thread_start(void *cookie)
{
	atomic_fetch_add(&starts, 1);
}

static void thread_stop(void *cookie)
{
	atomic_fetch_add(&stops, 1);
}

static void work(void *cookie)
{
	usleep(20000);
}

static void completion(void *cookie)
{
	if (++completions == ITEMS)
		iv_work_pool_put(&pool);
}

int main(void)
{
	struct timespec t0, t1;
	int i;

	TEST_BEGIN(8);
	iv_init();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = ITEMS;
	pool.thread_start = thread_start;
	pool.thread_stop = thread_stop;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	for (i = 0; i < ITEMS; i++) {
		IV_WORK_ITEM_INIT(&items[i]);
		items[i].work = work;
		items[i].completion = completion;
		iv_work_pool_submit_work(&pool, &items[i]);
	}

	CHECK_EQ_INT(clock_gettime(CLOCK_MONOTONIC, &t0), 0);
	iv_main();
	CHECK_EQ_INT(clock_gettime(CLOCK_MONOTONIC, &t1), 0);

	CHECK(t1.tv_sec - t0.tv_sec < 5);
	CHECK_EQ_INT(completions, ITEMS);
	CHECK(atomic_load(&starts) >= 1);
	CHECK_EQ_INT(atomic_load(&stops), atomic_load(&starts));

	iv_deinit();
	return 0;
}
