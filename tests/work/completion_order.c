/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Completions follow the order in which items finish, not submission. */

/*
 * Item A is submitted first but its work cannot finish before item B's
 * completion has run in the owner; B, submitted second, finishes at once
 * on a second worker.  So B's completion must come first.
 */

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <time.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

static struct iv_work_pool pool;
static struct iv_work_item a, b;
static sem_t b_completed;
static char name_a[] = "A", name_b[] = "B";
static char order[3];
static int completions;

static void work_a(void *cookie)
{
	struct timespec ts;

	CHECK_EQ_INT(clock_gettime(CLOCK_REALTIME, &ts), 0);
	ts.tv_sec += 5;
	while (sem_timedwait(&b_completed, &ts) < 0)
		CHECK_EQ_INT(errno, EINTR);
}

static void work_b(void *cookie)
{
}

static void completion(void *cookie)
{
	order[completions++] = *(char *)cookie;
	if (cookie == b.cookie)
		CHECK_EQ_INT(sem_post(&b_completed), 0);
	if (completions == 2)
		iv_work_pool_put(&pool);
}

int main(void)
{
	TEST_BEGIN(10);
	CHECK_EQ_INT(sem_init(&b_completed, 0, 0), 0);
	iv_init();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 2;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	IV_WORK_ITEM_INIT(&a);
	a.cookie = name_a;
	a.work = work_a;
	a.completion = completion;
	IV_WORK_ITEM_INIT(&b);
	b.cookie = name_b;
	b.work = work_b;
	b.completion = completion;
	iv_work_pool_submit_work(&pool, &a);
	iv_work_pool_submit_work(&pool, &b);

	iv_main();
	CHECK_EQ_STR(order, "BA");

	iv_deinit();
	sem_destroy(&b_completed);
	return 0;
}
