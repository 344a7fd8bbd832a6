/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Workers are iv_thread children named "iv_work pool %p thread %p". */

#include <iv.h>
#include <iv_thread.h>
#include <iv_work.h>
#include "check.h"
#include "thread/stderr_capture.h"

static struct iv_work_pool pool;
static struct iv_work_item item;

static void work(void *cookie)
{
}

static void completion(void *cookie)
{
	iv_work_pool_put(&pool);
}

/* Does the line match "iv_thread: [iv_work pool P thread T] <what>"? */
static int worker_line(const char *line, const char *what)
{
	void *p, *t;
	char tail[32];
	int n = 0;

	if (sscanf(line, "iv_thread: [iv_work pool %p thread %p] %31s%n",
		   &p, &t, tail, &n) != 3)
		return 0;
	return p != NULL && t != NULL && !strcmp(tail, what) &&
	       (line[n] == '\n' || line[n] == 0);
}

int main(void)
{
	struct capture cap;
	const char *line;
	char *out;
	int started = 0, joined = 0;

	TEST_BEGIN(10);
	iv_init();

	capture_start(&cap);
	iv_thread_set_debug_state(1);

	IV_WORK_POOL_INIT(&pool);
	pool.max_threads = 1;
	CHECK_EQ_INT(iv_work_pool_create(&pool), 0);
	IV_WORK_ITEM_INIT(&item);
	item.work = work;
	item.completion = completion;
	iv_work_pool_submit_work(&pool, &item);
	iv_main();

	iv_thread_set_debug_state(0);
	out = capture_end(&cap);

	for (line = out; *line; line = strchr(line, '\n') + 1) {
		started += worker_line(line, "started");
		joined += worker_line(line, "joined");
		if (strchr(line, '\n') == NULL)
			break;
	}
	CHECK_EQ_INT(started, 1);
	CHECK_EQ_INT(joined, 1);

	free(out);
	iv_deinit();
	return 0;
}
