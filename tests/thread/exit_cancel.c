/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Children that return, call pthread_exit or are cancelled are all joined. */

#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "stderr_capture.h"

static pthread_t victim;
static sem_t victim_ready;

static void returns(void *arg)
{
}

static void exits(void *arg)
{
	pthread_exit(NULL);
}

static void cancels_itself(void *arg)
{
	pthread_cancel(pthread_self());
	pthread_testcancel();
	CHECK(!"still running after self-cancel");
}

/* Blocks until another thread cancels it. */
static void cancelled(void *arg)
{
	victim = pthread_self();
	CHECK_EQ_INT(sem_post(&victim_ready), 0);
#ifdef __SANITIZE_THREAD__
	/*
	 * ThreadSanitizer stops seeing the locks of a thread cancelled
	 * inside a blocking call it intercepts, such as pause(), and then
	 * reports races in the thread's exit path that are not there.  Under
	 * it, the victim waits in pthread_testcancel() instead.
	 */
	for (;;) {
		pthread_testcancel();
		sched_yield();
	}
#else
	for (;;)
		pause();
#endif
}

int main(void)
{
	struct capture cap;
	char *out;
	int base;

	TEST_BEGIN(10);
	base = task_baseline();
	CHECK_EQ_INT(sem_init(&victim_ready, 0, 0), 0);
	iv_init();

	capture_start(&cap);
	iv_thread_set_debug_state(1);
	CHECK_EQ_INT(iv_thread_create("returns", returns, NULL), 0);
	CHECK_EQ_INT(iv_thread_create("exits", exits, NULL), 0);
	CHECK_EQ_INT(iv_thread_create("self-cancel", cancels_itself, NULL), 0);
	CHECK_EQ_INT(iv_thread_create("cancelled", cancelled, NULL), 0);
	while (sem_wait(&victim_ready) < 0)
		CHECK_EQ_INT(errno, EINTR);
	CHECK_EQ_INT(pthread_cancel(victim), 0);
	iv_main();
	iv_thread_set_debug_state(0);
	out = capture_end(&cap);

	CHECK_EQ_INT(count_lines(out, "iv_thread: [returns] joined"), 1);
	CHECK_EQ_INT(count_lines(out, "iv_thread: [exits] joined"), 1);
	CHECK_EQ_INT(count_lines(out, "iv_thread: [self-cancel] joined"), 1);
	CHECK_EQ_INT(count_lines(out, "iv_thread: [cancelled] joined"), 1);
	CHECK_EQ_INT(count_tasks(base), base);

	free(out);
	iv_deinit();
	sem_destroy(&victim_ready);
	return 0;
}
