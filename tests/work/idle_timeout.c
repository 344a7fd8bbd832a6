/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A worker with nothing to do leaves after ten idle seconds. */

/*
 * After its only item, the worker idles.  It must not leave early (the
 * owner checks every 100 ms), it must leave within a few seconds after
 * the ten (thread_stop runs in the worker as it leaves), and the pool,
 * still live, starts a new worker for the next item.
 */

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

static struct iv_work_pool pool;
static struct iv_work_item item;
static struct iv_timer poll_timer;
static atomic_int starts, stops;
static struct timespec idle_since;
static int completions;

static double elapsed(const struct timespec *since)
{
	struct timespec now;

	CHECK_EQ_INT(clock_gettime(CLOCK_MONOTONIC, &now), 0);
	return (now.tv_sec - since->tv_sec) +
	       (now.tv_nsec - since->tv_nsec) / 1e9;
}

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
}

static void arm_poll(void)
{
	poll_timer.expires = iv_now;
	poll_timer.expires.tv_nsec += 100000000;
	if (poll_timer.expires.tv_nsec >= 1000000000) {
		poll_timer.expires.tv_sec++;
		poll_timer.expires.tv_nsec -= 1000000000;
	}
	iv_timer_register(&poll_timer);
}

static void poll_stops(void *cookie)
{
	double t = elapsed(&idle_since);

	if (atomic_load(&stops) == 0) {
		CHECK(t < 15.0);
		arm_poll();
		return;
	}
	CHECK(t >= 9.5);
	CHECK_EQ_INT(atomic_load(&starts), 1);

	/* The pool still works: a new worker takes the next item. */
	iv_work_pool_submit_work(&pool, &item);
}

static void completion(void *cookie)
{
	if (++completions == 1) {
		CHECK_EQ_INT(clock_gettime(CLOCK_MONOTONIC, &idle_since), 0);
		arm_poll();
	} else {
		iv_work_pool_put(&pool);
	}
}

int main(void)
{
	TEST_BEGIN(30);
	iv_init();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 1;
	pool.thread_start = thread_start;
	pool.thread_stop = thread_stop;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	IV_TIMER_INIT(&poll_timer);
	poll_timer.handler = poll_stops;

	IV_WORK_ITEM_INIT(&item);
	item.work = work;
	item.completion = completion;
	iv_work_pool_submit_work(&pool, &item);

	iv_main();
	CHECK_EQ_INT(completions, 2);
	CHECK_EQ_INT(atomic_load(&starts), 2);
	CHECK_EQ_INT(atomic_load(&stops), 2);

	iv_deinit();
	return 0;
}
