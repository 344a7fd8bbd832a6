/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Submitting to a pool that was put is reported, not a crash. */

/*
 * ivykis 0.42.4 dereferences the NULL priv here (a segfault), so this
 * program fails against Debian's libivykis0; Liana ends the process
 * through iv_fatal with a message naming the misuse.
 */

#include <iv.h>
#include <iv_work.h>
#include "check.h"
#include "fatal_helper.h"

static void nothing(void *cookie)
{
}

static void scenario(void *arg)
{
	struct iv_work_pool pool;
	struct iv_work_item item;

	iv_init();
	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 1;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);
	iv_work_pool_put(&pool);
	/* Drained and gone: the loop has nothing left. */
	iv_main();

	IV_WORK_ITEM_INIT(&item);
	item.work = nothing;
	item.completion = nothing;
	iv_work_pool_submit_work(&pool, &item);
}

int main(void)
{
	TEST_BEGIN(10);
	expect_fatal(scenario, NULL, "iv_work_pool_submit_work: called with "
		     "a pool that was put or never created");
	return 0;
}
