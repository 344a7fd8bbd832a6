/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A parent that iv_deinit()s before its child ends leaves it detached. */

/*
 * The parent thread creates a child, waits until it runs and calls
 * iv_deinit() while the child still blocks.  Then the child is released
 * and ends; its end must not touch the parent's freed loop (ivykis 0.42
 * posts into it, ivykis #24), and nothing may leak.  The child still says
 * it is terminating, but nobody joins it.
 */

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "stderr_capture.h"

static sem_t running, go;
static atomic_int ended;

static void sem_wait_intr(sem_t *s)
{
	while (sem_wait(s) < 0)
		CHECK_EQ_INT(errno, EINTR);
}

static void child(void *arg)
{
	CHECK_EQ_INT(sem_post(&running), 0);
	sem_wait_intr(&go);
	atomic_store(&ended, 1);
}

static void *parent(void *arg)
{
	iv_init();
	CHECK_EQ_INT(iv_thread_create("orphan", child, NULL), 0);
	sem_wait_intr(&running);
	iv_deinit();
	return NULL;
}

int main(void)
{
	struct capture cap;
	pthread_t p;
	char *out;
	int base;

	TEST_BEGIN(10);
	base = task_baseline();
	CHECK_EQ_INT(sem_init(&running, 0, 0), 0);
	CHECK_EQ_INT(sem_init(&go, 0, 0), 0);

	capture_start(&cap);
	iv_thread_set_debug_state(1);
	CHECK_EQ_INT(pthread_create(&p, NULL, parent, NULL), 0);
	CHECK_EQ_INT(pthread_join(p, NULL), 0);

	/* The parent and its loop are gone; now let the child end. */
	CHECK_EQ_INT(sem_post(&go), 0);
	CHECK_EQ_INT(count_tasks(base), base);
	CHECK_EQ_INT(atomic_load(&ended), 1);
	iv_thread_set_debug_state(0);
	out = capture_end(&cap);

	CHECK_EQ_INT(count_lines(out, "iv_thread: [orphan] started"), 1);
	CHECK_EQ_INT(count_lines(out, "iv_thread: [orphan] terminating"), 1);
	CHECK_EQ_INT(count_lines(out, "iv_thread: [orphan] joined"), 0);

	free(out);
	sem_destroy(&running);
	sem_destroy(&go);
	return 0;
}
