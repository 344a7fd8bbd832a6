/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Submitting work from a thread that does not own the pool is fatal. */

/*
 * Liana adopts the check of ivykis 0.43 (ivykis 0.42.4 accepts such a
 * submit, and its workers then report to the wrong loop, ivykis #24), so
 * this program fails against Debian's libivykis0.
 */

#include <pthread.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"
#include "fatal_helper.h"

static struct iv_work_pool pool;
static struct iv_work_item item;

static void nothing(void *cookie)
{
}

static void *intruder(void *arg)
{
	iv_init();
	iv_work_pool_submit_work(&pool, &item);
	return NULL;
}

static void scenario(void *arg)
{
	pthread_t t;

	iv_init();
	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 1;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	IV_WORK_ITEM_INIT(&item);
	item.work = nothing;
	item.completion = nothing;
	CHECK_EQ_INT(pthread_create(&t, NULL, intruder, NULL), 0);
	pthread_join(t, NULL);
}

int main(void)
{
	TEST_BEGIN(10);
	expect_fatal(scenario, NULL, "iv_work_submit_pool: work items can "
		     "only be submitted from the owning thread");
	return 0;
}
