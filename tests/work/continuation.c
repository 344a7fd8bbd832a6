/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A work function submits a continuation; its completion runs in the owner. */

/*
 * iv_work_pool_submit_continuation is exported by Liana at IVYKIS_0.42
 * (docs/COMPAT.md); ivykis 0.42.4 does not have it (0.43 does), so this
 * program does not link against Debian's libivykis0.
 */

#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

static struct iv_work_pool pool;
static struct iv_work_item first, second;
static unsigned long owner;
static atomic_int first_done, second_done;
static int completions;

static void second_work(void *cookie)
{
	CHECK(iv_get_thread_id() != owner);
	CHECK_EQ_INT(atomic_load(&first_done), 1);
	atomic_store(&second_done, 1);
}

static void first_work(void *cookie)
{
	CHECK(iv_get_thread_id() != owner);
	IV_WORK_ITEM_INIT(&second);
	second.cookie = &second;
	second.work = second_work;
	second.completion = first.completion;
	atomic_store(&first_done, 1);
	iv_work_pool_submit_continuation(&pool, &second);
}

static void completion(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), owner);
	if (cookie == &second)
		CHECK_EQ_INT(atomic_load(&second_done), 1);
	if (++completions == 2)
		iv_work_pool_put(&pool);
}

int main(void)
{
	TEST_BEGIN(30);
	iv_init();
	owner = iv_get_thread_id();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 2;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);

	IV_WORK_ITEM_INIT(&first);
	first.cookie = &first;
	first.work = first_work;
	first.completion = completion;
	iv_work_pool_submit_work(&pool, &first);
	iv_main();

	CHECK_EQ_INT(completions, 2);
	CHECK_EQ_INT(atomic_load(&second_done), 1);
	iv_deinit();
	return 0;
}
