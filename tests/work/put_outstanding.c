/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pool put (and freed) with work queued still delivers every completion. */

#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

#define ITEMS	6

static struct iv_work_item items[ITEMS];
static unsigned long owner;
static atomic_int starts, stops, worked;
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
	CHECK(iv_get_thread_id() != owner);
	usleep(20000);
	atomic_fetch_add(&worked, 1);
}

static void completion(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), owner);
	completions++;
}

int main(void)
{
	struct iv_work_pool *pool;
	int i;

	TEST_BEGIN(30);
	iv_init();
	owner = iv_get_thread_id();

	pool = malloc(sizeof(*pool));
	CHECK(pool != NULL);
	IV_WORK_POOL_INIT(pool);
	pool->max_threads = 2;
	pool->cookie = NULL;
	pool->thread_start = thread_start;
	pool->thread_stop = thread_stop;
	CHECK_EQ_INT(iv_work_pool_create(pool), 0);

	for (i = 0; i < ITEMS; i++) {
		IV_WORK_ITEM_INIT(&items[i]);
		items[i].work = work;
		items[i].completion = completion;
		iv_work_pool_submit_work(pool, &items[i]);
	}
	/* put does not wait, and the caller may drop its struct at once. */
	iv_work_pool_put(pool);
	memset(pool, 0xa5, sizeof(*pool));
	free(pool);

	iv_main();
	CHECK_EQ_INT(completions, ITEMS);
	CHECK_EQ_INT(atomic_load(&worked), ITEMS);
	CHECK(atomic_load(&starts) >= 1);
	CHECK_EQ_INT(atomic_load(&stops), atomic_load(&starts));
	iv_deinit();
	return 0;
}
