/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana only: misuse of iv_wait is fatal with a message naming the
 * function, where ivykis 0.42 crashes or corrupts its state. */

#include <pthread.h>
#include "fatal_helper.h"
#include "wait_util.h"

static void never(void *cookie, int status, const struct rusage *ru)
{
	CHECK(0);
}

static void register_without_init(void *arg)
{
	static struct iv_wait_interest w;

	interest_setup(&w, getpid(), never, NULL);
	iv_wait_interest_register(&w);
}

static void unregister_twice(void *arg)
{
	static struct iv_wait_interest w;

	iv_init();
	interest_setup(&w, getpid(), never, NULL);
	iv_wait_interest_register(&w);
	iv_wait_interest_unregister(&w);
	iv_wait_interest_unregister(&w);
}

static void kill_unregistered(void *arg)
{
	static struct iv_wait_interest w;

	iv_init();
	interest_setup(&w, getpid(), never, NULL);
	iv_wait_interest_register(&w);
	iv_wait_interest_unregister(&w);
	iv_wait_interest_kill(&w, 0);
}

static struct iv_wait_interest foreign;
static pthread_barrier_t foreign_ready;

/* Registers, then stays alive (with its loop) until the process ends. */
static void *register_foreign(void *arg)
{
	iv_init();
	interest_setup(&foreign, getpid(), never, NULL);
	iv_wait_interest_register(&foreign);
	pthread_barrier_wait(&foreign_ready);
	for (;;)
		pause();
	return NULL;
}

static void unregister_other_thread(void *arg)
{
	pthread_t t;

	iv_init();
	CHECK_EQ_INT(pthread_barrier_init(&foreign_ready, NULL, 2), 0);
	CHECK_EQ_INT(pthread_create(&t, NULL, register_foreign, NULL), 0);
	pthread_barrier_wait(&foreign_ready);
	iv_wait_interest_unregister(&foreign);
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(register_without_init, NULL,
		     "iv_wait_interest_register: called in a thread without "
		     "iv_init");
	expect_fatal(unregister_twice, NULL,
		     "iv_wait_interest_unregister: called with interest not "
		     "registered in this thread");
	expect_fatal(kill_unregistered, NULL,
		     "iv_wait_interest_kill: called with interest not "
		     "registered");
	expect_fatal(unregister_other_thread, NULL,
		     "iv_wait_interest_unregister: called with interest not "
		     "registered in this thread");
	return 0;
}
