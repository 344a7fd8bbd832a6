/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A loop thread that exits without iv_deinit() detaches its children too. */

/*
 * The middle thread is itself an iv_thread child with a loop of its own.
 * It creates a grandchild and then calls pthread_exit() without
 * iv_deinit(): its loop is torn down by the thread-exit destructor, which
 * must detach the grandchild just as iv_deinit() would.  The main thread
 * joins the middle thread through its own loop, then lets the grandchild
 * end.
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

static void grandchild(void *arg)
{
	CHECK_EQ_INT(sem_post(&running), 0);
	sem_wait_intr(&go);
	atomic_store(&ended, 1);
}

static void middle(void *arg)
{
	iv_init();
	CHECK_EQ_INT(iv_thread_create("grandchild", grandchild, NULL), 0);
	sem_wait_intr(&running);
	pthread_exit(NULL);
}

int main(void)
{
	int base;

	TEST_BEGIN(10);
	base = task_baseline();
	CHECK_EQ_INT(sem_init(&running, 0, 0), 0);
	CHECK_EQ_INT(sem_init(&go, 0, 0), 0);
	iv_init();

	CHECK_EQ_INT(iv_thread_create("middle", middle, NULL), 0);
	iv_main();
	CHECK_EQ_INT(atomic_load(&ended), 0);

	CHECK_EQ_INT(sem_post(&go), 0);
	CHECK_EQ_INT(count_tasks(base), base);
	CHECK_EQ_INT(atomic_load(&ended), 1);

	iv_deinit();
	sem_destroy(&running);
	sem_destroy(&go);
	return 0;
}
