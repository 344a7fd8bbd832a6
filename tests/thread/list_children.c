/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_thread_list_children prints a header, the caller, then live children. */

#include <semaphore.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "stderr_capture.h"

static sem_t running, go;
static unsigned long child_tid;

static void child(void *arg)
{
	child_tid = iv_thread_get_id();
	CHECK_EQ_INT(sem_post(&running), 0);
	while (sem_wait(&go) < 0)
		CHECK_EQ_INT(errno, EINTR);
}

static char *list(void)
{
	struct capture cap;

	capture_start(&cap);
	iv_thread_list_children();
	return capture_end(&cap);
}

int main(void)
{
	char want[256];
	char *out;

	TEST_BEGIN(10);
	CHECK_EQ_INT(sem_init(&running, 0, 0), 0);
	CHECK_EQ_INT(sem_init(&go, 0, 0), 0);
	iv_init();

	out = list();
	snprintf(want, sizeof(want), "tid\tname\n%lu\tself\n",
		 iv_get_thread_id());
	CHECK_EQ_STR(out, want);
	free(out);

	CHECK_EQ_INT(iv_thread_create("kid", child, NULL), 0);
	while (sem_wait(&running) < 0)
		CHECK_EQ_INT(errno, EINTR);
	out = list();
	snprintf(want, sizeof(want), "tid\tname\n%lu\tself\n%lu\tkid\n",
		 iv_get_thread_id(), child_tid);
	CHECK_EQ_STR(out, want);
	free(out);

	CHECK_EQ_INT(sem_post(&go), 0);
	iv_main();

	/* Joined children are no longer listed. */
	out = list();
	snprintf(want, sizeof(want), "tid\tname\n%lu\tself\n",
		 iv_get_thread_id());
	CHECK_EQ_STR(out, want);
	free(out);

	iv_deinit();
	sem_destroy(&running);
	sem_destroy(&go);
	return 0;
}
