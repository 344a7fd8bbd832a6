/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Many children ending in any order are each joined exactly once. */

#include <pthread.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "stderr_capture.h"

#define CHILDREN	64

static atomic_int ran[CHILDREN];

static void child(void *arg)
{
	long i = (long)arg;

	usleep((CHILDREN - i) * 500);
	atomic_fetch_add(&ran[i], 1);
}

int main(void)
{
	struct capture cap;
	char name[32];
	char *out;
	long i;
	int base;

	TEST_BEGIN(20);
	base = task_baseline();
	iv_init();

	capture_start(&cap);
	iv_thread_set_debug_state(1);
	for (i = 0; i < CHILDREN; i++) {
		snprintf(name, sizeof(name), "child %ld", i);
		CHECK_EQ_INT(iv_thread_create(name, child, (void *)i), 0);
	}
	iv_main();
	iv_thread_set_debug_state(0);
	out = capture_end(&cap);

	for (i = 0; i < CHILDREN; i++) {
		CHECK_EQ_INT(atomic_load(&ran[i]), 1);
		snprintf(name, sizeof(name), "iv_thread: [child %ld] joined",
			 i);
		CHECK_EQ_INT(count_lines(out, name), 1);
	}
	CHECK_EQ_INT(count_tasks(base), base);

	free(out);
	iv_deinit();
	return 0;
}
