/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* No more than max_threads work functions ever run at the same time. */

#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

#define ITEMS		12
#define MAX_THREADS	3

static struct iv_work_pool pool;
static struct iv_work_item items[ITEMS];
static atomic_int running, peak, starts;
static int completions;

static void thread_start(void *cookie)
{
	CHECK(atomic_fetch_add(&starts, 1) < MAX_THREADS);
}

static void work(void *cookie)
{
	int now = atomic_fetch_add(&running, 1) + 1;
	int old = atomic_load(&peak);

	while (now > old && !atomic_compare_exchange_weak(&peak, &old, now))
		;
	CHECK(now <= MAX_THREADS);
	usleep(30000);
	atomic_fetch_sub(&running, 1);
}

static void completion(void *cookie)
{
	if (++completions == ITEMS)
		iv_work_pool_put(&pool);
}

int main(void)
{
	int i;

	TEST_BEGIN(30);
	iv_init();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = MAX_THREADS;
	pool.thread_start = thread_start;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	for (i = 0; i < ITEMS; i++) {
		IV_WORK_ITEM_INIT(&items[i]);
		items[i].work = work;
		items[i].completion = completion;
		iv_work_pool_submit_work(&pool, &items[i]);
	}
	iv_main();

	CHECK_EQ_INT(completions, ITEMS);
	CHECK(atomic_load(&peak) >= 1);
	CHECK(atomic_load(&peak) <= MAX_THREADS);
	iv_deinit();
	return 0;
}
