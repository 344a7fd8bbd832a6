/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Many items, some with continuations, all complete once in the owner. */

/*
 * 2000 items through a pool of eight workers; every third item's work
 * submits a continuation.  Meant for the sanitizer and valgrind runs: the
 * queue, the finished list and the worker stack are hit from all sides.
 */

#include <pthread.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

#define ITEMS	2000

struct job {
	struct iv_work_item	item;
	struct iv_work_item	cont;
	atomic_int		worked;
	int			completed;
};

static struct iv_work_pool pool;
static struct job jobs[ITEMS];
static unsigned long owner_tid;
static int completions;

static void work_cont(void *cookie)
{
	struct job *j = cookie;

	atomic_fetch_add(&j->worked, 1);
}

static void work(void *cookie)
{
	struct job *j = cookie;

	atomic_fetch_add(&j->worked, 1);
	if ((j - jobs) % 3 == 0)
		iv_work_pool_submit_continuation(&pool, &j->cont);
}

static void completion(void *cookie)
{
	struct job *j = cookie;

	CHECK_EQ_INT(iv_get_thread_id(), owner_tid);
	j->completed++;
	if (++completions == ITEMS + (ITEMS + 2) / 3)
		iv_work_pool_put(&pool);
}

int main(void)
{
	int i;

	TEST_BEGIN(60);
	iv_init();
	owner_tid = iv_get_thread_id();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 8;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	for (i = 0; i < ITEMS; i++) {
		struct job *j = &jobs[i];

		IV_WORK_ITEM_INIT(&j->item);
		j->item.cookie = j;
		j->item.work = work;
		j->item.completion = completion;
		IV_WORK_ITEM_INIT(&j->cont);
		j->cont.cookie = j;
		j->cont.work = work_cont;
		j->cont.completion = completion;
		iv_work_pool_submit_work(&pool, &j->item);
	}

	iv_main();
	CHECK_EQ_INT(completions, ITEMS + (ITEMS + 2) / 3);
	for (i = 0; i < ITEMS; i++) {
		int want = i % 3 == 0 ? 2 : 1;

		CHECK_EQ_INT(atomic_load(&jobs[i].worked), want);
		CHECK_EQ_INT(jobs[i].completed, want);
	}

	iv_deinit();
	return 0;
}
