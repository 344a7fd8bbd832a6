/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_inited() follows iv_init()/iv_deinit() and is per thread. */

#include <pthread.h>
#include <iv.h>
#include "check.h"

static void *fresh_thread(void *arg)
{
	/* The main thread is inited, this one is not. */
	CHECK_EQ_INT(iv_inited(), 0);
	iv_init();
	CHECK_EQ_INT(iv_inited(), 1);
	iv_deinit();
	CHECK_EQ_INT(iv_inited(), 0);
	return NULL;
}

int main(void)
{
	pthread_t thr;

	TEST_BEGIN(10);
	CHECK_EQ_INT(iv_inited(), 0);
	iv_init();
	CHECK_EQ_INT(iv_inited(), 1);

	CHECK(pthread_create(&thr, NULL, fresh_thread, NULL) == 0);
	CHECK(pthread_join(thr, NULL) == 0);
	CHECK_EQ_INT(iv_inited(), 1);

	iv_deinit();
	CHECK_EQ_INT(iv_inited(), 0);

	/* A second init/deinit cycle in the same thread. */
	iv_init();
	CHECK_EQ_INT(iv_inited(), 1);
	iv_deinit();
	CHECK_EQ_INT(iv_inited(), 0);
	return 0;
}
