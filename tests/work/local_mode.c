/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* With no pool, work and completion run back to back in the caller's loop. */

#include <iv.h>
#include <iv_work.h>
#include "check.h"

#define ITEMS	3

static struct iv_work_item items[ITEMS];
static unsigned long owner;
static int log_[2 * ITEMS];
static int n;

static void work(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), owner);
	log_[n++] = 1 + (struct iv_work_item *)cookie - items;
}

static void completion(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), owner);
	log_[n++] = -(1 + ((struct iv_work_item *)cookie - items));
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();
	owner = iv_get_thread_id();

	for (i = 0; i < ITEMS; i++) {
		IV_WORK_ITEM_INIT(&items[i]);
		items[i].cookie = &items[i];
		items[i].work = work;
		items[i].completion = completion;
		iv_work_pool_submit_work(NULL, &items[i]);
	}
	/* Nothing runs inside submit. */
	CHECK_EQ_INT(n, 0);

	iv_main();
	CHECK_EQ_INT(n, 2 * ITEMS);
	for (i = 0; i < ITEMS; i++) {
		CHECK_EQ_INT(log_[2 * i], i + 1);
		CHECK_EQ_INT(log_[2 * i + 1], -(i + 1));
	}
	iv_deinit();
	return 0;
}
