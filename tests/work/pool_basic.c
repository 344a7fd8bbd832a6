/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Work runs in pool threads, completions in the owner; start/stop pair up. */

#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

#define ITEMS		16
#define MAX_THREADS	4

struct job {
	struct iv_work_item	item;
	atomic_int		worked;
	int			completed;
};

static struct iv_work_pool pool;
static struct job jobs[ITEMS];
static unsigned long owner;
static atomic_int starts, stops;
static int completions;

static void thread_start(void *cookie)
{
	CHECK(cookie == &pool);
	CHECK(iv_get_thread_id() != owner);
	CHECK(iv_inited());
	atomic_fetch_add(&starts, 1);
}

static void thread_stop(void *cookie)
{
	CHECK(cookie == &pool);
	CHECK(iv_get_thread_id() != owner);
	atomic_fetch_add(&stops, 1);
}

static void work(void *cookie)
{
	struct job *j = cookie;

	CHECK(iv_get_thread_id() != owner);
	CHECK_EQ_INT(atomic_fetch_add(&j->worked, 1), 0);
}

static void completion(void *cookie)
{
	struct job *j = cookie;

	CHECK_EQ_INT(iv_get_thread_id(), owner);
	CHECK_EQ_INT(atomic_load(&j->worked), 1);
	CHECK_EQ_INT(j->completed++, 0);
	if (++completions == ITEMS)
		iv_work_pool_put(&pool);
}

int main(void)
{
	int i, n;

	TEST_BEGIN(30);
	iv_init();
	owner = iv_get_thread_id();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = MAX_THREADS;
	pool.cookie = &pool;
	pool.thread_start = thread_start;
	pool.thread_stop = thread_stop;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	for (i = 0; i < ITEMS; i++) {
		IV_WORK_ITEM_INIT(&jobs[i].item);
		jobs[i].item.cookie = &jobs[i];
		jobs[i].item.work = work;
		jobs[i].item.completion = completion;
		iv_work_pool_submit_work(&pool, &jobs[i].item);
	}
	iv_main();

	CHECK_EQ_INT(completions, ITEMS);
	n = atomic_load(&starts);
	CHECK(n >= 1 && n <= MAX_THREADS);
	CHECK_EQ_INT(atomic_load(&stops), n);
	iv_deinit();
	return 0;
}
