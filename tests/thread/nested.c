/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A child with its own loop creates and joins a grandchild of its own. */

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "stderr_capture.h"

static unsigned long main_tid, child_tid;
static atomic_int grandchild_done, child_done;
static sem_t go;

static void grandchild(void *arg)
{
	CHECK(iv_get_thread_id() != main_tid);
	CHECK(iv_get_thread_id() != child_tid);
	/* Not an ivykis thread: it never called iv_init(). */
	CHECK_EQ_INT(iv_inited(), 0);
	usleep(50000);
	atomic_store(&grandchild_done, 1);
}

static void child(void *arg)
{
	char *out;
	char want[128];
	struct capture cap;

	child_tid = iv_get_thread_id();
	/* Wait until the main thread is done capturing stderr. */
	while (sem_wait(&go) < 0)
		CHECK_EQ_INT(errno, EINTR);
	iv_init();
	CHECK_EQ_INT(iv_thread_create("grandchild", grandchild, NULL), 0);

	/* The grandchild is this thread's child, not the main thread's. */
	capture_start(&cap);
	iv_thread_list_children();
	out = capture_end(&cap);
	snprintf(want, sizeof(want), "%lu\tself", child_tid);
	CHECK_EQ_INT(count_lines(out, want), 1);
	CHECK(strstr(out, "\tgrandchild\n") != NULL);
	free(out);

	iv_main();
	CHECK_EQ_INT(atomic_load(&grandchild_done), 1);
	iv_deinit();
	atomic_store(&child_done, 1);
}

int main(void)
{
	struct capture cap;
	char *out;

	TEST_BEGIN(10);
	CHECK_EQ_INT(sem_init(&go, 0, 0), 0);
	iv_init();
	main_tid = iv_get_thread_id();

	CHECK_EQ_INT(iv_thread_create("child", child, NULL), 0);
	capture_start(&cap);
	iv_thread_list_children();
	out = capture_end(&cap);
	CHECK(strstr(out, "\tchild\n") != NULL);
	CHECK(strstr(out, "grandchild") == NULL);
	free(out);
	CHECK_EQ_INT(sem_post(&go), 0);

	iv_main();
	CHECK_EQ_INT(atomic_load(&child_done), 1);
	iv_deinit();
	sem_destroy(&go);
	return 0;
}
