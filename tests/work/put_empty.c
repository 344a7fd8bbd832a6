/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A pool put before any work starts no thread and lets the loop end. */

#include <stdatomic.h>
#include <iv.h>
#include <iv_work.h>
#include "check.h"

static atomic_int starts;

static void thread_start(void *cookie)
{
	atomic_fetch_add(&starts, 1);
}

int main(void)
{
	struct iv_work_pool pool;

	TEST_BEGIN(10);
	iv_init();

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 4;
	pool.cookie = NULL;
	pool.thread_start = thread_start;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);
	CHECK(pool.priv != NULL);

	iv_work_pool_put(&pool);
	CHECK(pool.priv == NULL);

	/* Only the pool's event was left, and it goes once drained. */
	iv_main();
	CHECK_EQ_INT(atomic_load(&starts), 0);

	iv_deinit();
	return 0;
}
