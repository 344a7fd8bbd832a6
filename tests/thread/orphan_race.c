/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Children ending while their parent tears its loop down: no crash. */

/*
 * Many times over, a parent thread creates a few children that end at
 * once and then calls iv_deinit() without running its loop, so the
 * children's ends race with the teardown.  Each child either reached the
 * parent's loop before it went away or found itself detached; either way
 * nothing crashes (sanitizer builds check the memory accesses) and
 * nothing leaks once all threads are gone.
 */

#include <pthread.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "stderr_capture.h"

#define ROUNDS		50
#define CHILDREN	4

static atomic_int ran;

static void child(void *arg)
{
	atomic_fetch_add(&ran, 1);
}

static void *parent(void *arg)
{
	int i;

	iv_init();
	for (i = 0; i < CHILDREN; i++)
		CHECK_EQ_INT(iv_thread_create("short", child, NULL), 0);
	if ((long)arg & 1)
		usleep(100);
	iv_deinit();
	return NULL;
}

int main(void)
{
	pthread_t p;
	long i;
	int base;

	TEST_BEGIN(30);
	base = task_baseline();

	for (i = 0; i < ROUNDS; i++) {
		CHECK_EQ_INT(pthread_create(&p, NULL, parent, (void *)i), 0);
		CHECK_EQ_INT(pthread_join(p, NULL), 0);
	}

	CHECK_EQ_INT(count_tasks(base), base);
	CHECK_EQ_INT(atomic_load(&ran), ROUNDS * CHILDREN);
	return 0;
}
