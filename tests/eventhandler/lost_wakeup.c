/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The FreeBSD lost-wakeup shape, forced with hook points; thread exit. */

#include "eh_test.h"

typedef void (*lw_fn)(void *);
IV_EVENTHANDLER_DECLARE(lw, lw_fn);

static struct iv_eventhandler_list *L;
static sem_t x_in, x_go, w_in, w_go;
static iv_eventhandler_tag xtag, wtag;
static __thread int role;
static int scans;

static void x_handler(void *arg)
{
	if (role == 1) {
		sem_post(&x_in);
		sem_wait(&x_go);
	}
}

static void w_handler(void *arg)
{
	if (role == 3) {
		sem_post(&w_in);
		sem_wait(&w_go);
	}
}

static void *invoker(void *arg)
{
	role = (int)(intptr_t)arg;
	IV_EVENTHANDLER_LIST_INVOKE(lw, L);
	return NULL;
}

static pthread_t tc;

/* In A, after a scan that found X running in B. */
static void after_scan(struct iv_eventhandler_entry *e, unsigned long n)
{
	if (e != xtag || scans++ != 0)
		return;
	CHECK(n > 0);
	sem_post(&x_go);		/* B's call of X ends ... */
	pthread_create(&tc, NULL, invoker, (void *)3);
	sem_wait(&w_in);		/* ... and C keeps a new one open. */
}

static struct iv_eventhandler_test_hooks hooks = {
	.after_scan = after_scan,
	.fail_alloc_at = -1,
};

/* T36: a thread leaves through pthread_exit() inside a handler. */
static sem_t e_in;
static void exiter(void *arg)
{
	if (role == 4) {
		sem_post(&e_in);
		pthread_exit(NULL);
	}
}

int main(void)
{
	pthread_t tb;

	TEST_BEGIN(20);
	sem_init(&x_in, 0, 0);
	sem_init(&x_go, 0, 0);
	sem_init(&w_in, 0, 0);
	sem_init(&w_go, 0, 0);
	sem_init(&e_in, 0, 0);
	L = iv_eventhandler_create_list("lw");

	/* T26 */
	wtag = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)w_handler,
					NULL, 0);
	xtag = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)x_handler,
					NULL, 1);
	pthread_create(&tb, NULL, invoker, (void *)1);
	sem_wait(&x_in);
	iv_eventhandler__hooks = &hooks;
	CHECK_EQ_INT(iv_eventhandler_deregister(L, xtag), 0);
	iv_eventhandler__hooks = NULL;
	CHECK(scans >= 2);
	/* C is still inside W: A did not wait for it. */
	sem_post(&w_go);
	pthread_join(tc, NULL);
	pthread_join(tb, NULL);
	CHECK_EQ_INT(iv_eventhandler_deregister(L, wtag), 0);

	/* T36 */
	xtag = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)exiter,
					NULL, 0);
	pthread_create(&tb, NULL, invoker, (void *)4);
	sem_wait(&e_in);
	pthread_join(tb, NULL);
	CHECK_EQ_INT(iv_eventhandler_deregister(L, xtag), 0);

	iv_eventhandler_shutdown();
	sem_destroy(&x_in);
	sem_destroy(&x_go);
	sem_destroy(&w_in);
	sem_destroy(&w_go);
	sem_destroy(&e_in);
	return 0;
}
