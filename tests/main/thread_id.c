/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_get_thread_id() is the kernel thread id (gettid), in any thread. */

#include <pthread.h>
#include <sys/syscall.h>
#include <iv.h>
#include "check.h"

static unsigned long kernel_tid(void)
{
	return (unsigned long)syscall(SYS_gettid);
}

static void *other_thread(void *arg)
{
	unsigned long *id = arg;

	/* Allowed in a thread that never called iv_init(). */
	CHECK_EQ_INT(iv_get_thread_id(), kernel_tid());
	*id = iv_get_thread_id();
	return NULL;
}

int main(void)
{
	unsigned long other = 0;
	pthread_t thr;

	TEST_BEGIN(10);
	CHECK_EQ_INT(iv_get_thread_id(), (unsigned long)getpid());
	iv_init();
	CHECK_EQ_INT(iv_get_thread_id(), (unsigned long)getpid());
	CHECK_EQ_INT(iv_get_thread_id(), kernel_tid());

	CHECK(pthread_create(&thr, NULL, other_thread, &other) == 0);
	CHECK(pthread_join(thr, NULL) == 0);
	CHECK(other != 0);
	CHECK(other != (unsigned long)getpid());

	iv_deinit();
	return 0;
}
