/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* max_threads is read from the caller's struct at each submit. */

/*
 * The pool is created with max_threads 0: the first item is queued but
 * no worker starts, so it does not run.  Once the owner raises
 * max_threads to 1, the next submit starts a worker, which runs both
 * items in submission order.
 */

#include <pthread.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

static struct iv_work_pool pool;
static struct iv_work_item first, second;
static struct iv_timer timer;
static atomic_int worked;
static atomic_int starts;
static int completions;

static void thread_start(void *cookie)
{
	atomic_fetch_add(&starts, 1);
}

static void work(void *cookie)
{
	int n = atomic_fetch_add(&worked, 1);

	/* One worker takes the queue in FIFO order. */
	CHECK(cookie == (n == 0 ? (void *)&first : (void *)&second));
}

static void completion(void *cookie)
{
	if (++completions == 2)
		iv_work_pool_put(&pool);
}

static void later(void *cookie)
{
	CHECK_EQ_INT(atomic_load(&worked), 0);
	CHECK_EQ_INT(atomic_load(&starts), 0);
	CHECK_EQ_INT(completions, 0);

	pool.max_threads = 1;
	iv_work_pool_submit_work(&pool, &second);
}

static void item_init(struct iv_work_item *w)
{
	IV_WORK_ITEM_INIT(w);
	w->cookie = w;
	w->work = work;
	w->completion = completion;
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 0;
	pool.thread_start = thread_start;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	item_init(&first);
	item_init(&second);
	iv_work_pool_submit_work(&pool, &first);

	IV_TIMER_INIT(&timer);
	timer.expires = iv_now;
	timer.expires.tv_nsec += 100000000;
	if (timer.expires.tv_nsec >= 1000000000) {
		timer.expires.tv_sec++;
		timer.expires.tv_nsec -= 1000000000;
	}
	timer.handler = later;
	iv_timer_register(&timer);

	iv_main();
	CHECK_EQ_INT(completions, 2);
	CHECK_EQ_INT(atomic_load(&worked), 2);
	CHECK_EQ_INT(atomic_load(&starts), 1);

	iv_deinit();
	return 0;
}
