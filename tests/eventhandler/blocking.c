/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Waiting deregister against handlers blocked in other threads. */

#include "eh_test.h"

typedef void (*bl_fn)(void *);
IV_EVENTHANDLER_DECLARE(bl, bl_fn);

struct blocker {
	sem_t			entered;
	sem_t			go;
	int			calls;		/* atomic */
	struct canary		*canary;
	struct iv_eventhandler_list *list;
};

static __thread int role;	/* 1: the thread that must block */
static iv_eventhandler_tag xtag, ytag, ztag;
static struct iv_eventhandler_list *L1, *L2;

static void blk(void *arg)
{
	struct blocker *b = arg;

	__atomic_add_fetch(&b->calls, 1, __ATOMIC_RELAXED);
	if (b->canary != NULL)
		canary_check(b->canary);
	if (role == 1) {
		sem_post(&b->entered);
		sem_wait(&b->go);
	}
	if (b->canary != NULL)
		canary_check(b->canary);
}

static void noop(void *arg)
{
}

static void *invoke_blocking(void *arg)
{
	struct iv_eventhandler_list *l = arg;

	role = 1;
	IV_EVENTHANDLER_LIST_INVOKE(bl, l);
	return NULL;
}

struct dereg_job {
	struct iv_eventhandler_list	*list;
	iv_eventhandler_tag		tag;
	int				done;	/* atomic */
};

static void *dereg_thread(void *arg)
{
	struct dereg_job *j = arg;

	CHECK_EQ_INT(iv_eventhandler_deregister(j->list, j->tag), 0);
	__atomic_store_n(&j->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static int done(struct dereg_job *j)
{
	return __atomic_load_n(&j->done, __ATOMIC_ACQUIRE);
}

static void blocker_init(struct blocker *b)
{
	memset(b, 0, sizeof(*b));
	sem_init(&b->entered, 0, 0);
	sem_init(&b->go, 0, 0);
}

static void blocker_fini(struct blocker *b)
{
	sem_destroy(&b->entered);
	sem_destroy(&b->go);
}

/* T28: the same handler deregisters itself in A while blocked in B. */
static struct blocker *self_b;
static int self_done;

static void self_x(void *arg)
{
	if (role == 2) {
		CHECK_EQ_INT(iv_eventhandler_deregister(L1, xtag), 0);
		__atomic_store_n(&self_done, 1, __ATOMIC_RELEASE);
		return;
	}
	blk(arg);
}

static void *invoke_self(void *arg)
{
	role = 2;
	IV_EVENTHANDLER_LIST_INVOKE(bl, L1);
	return NULL;
}

/* T29: Y of L1 deregisters Z of L2, which is running in B. */
static int y_done;

static void y_handler(void *arg)
{
	CHECK_EQ_INT(iv_eventhandler_deregister(L2, ztag), 0);
	__atomic_store_n(&y_done, 1, __ATOMIC_RELEASE);
}

static void *invoke_l1(void *arg)
{
	IV_EVENTHANDLER_LIST_INVOKE(bl, L1);
	return NULL;
}

/* T30: X, once released, writes to its own list. */
static void writer_x(void *arg)
{
	iv_eventhandler_tag t;

	blk(arg);
	t = iv_eventhandler_register(L1, NULL, (iv_eventhandler_fn)noop,
				     NULL, 0);
	CHECK(t != NULL);
	CHECK_EQ_INT(iv_eventhandler_deregister(L1, t), 0);
}

int main(void)
{
	struct blocker b, b2;
	struct dereg_job j;
	pthread_t tb, ta;
	int64_t t0;

	TEST_BEGIN(20);
	L1 = iv_eventhandler_create_list("l1");
	L2 = iv_eventhandler_create_list("l2");

	/* T23 */
	blocker_init(&b);
	xtag = iv_eventhandler_register(L1, NULL, (iv_eventhandler_fn)blk,
					&b, 0);
	pthread_create(&tb, NULL, invoke_blocking, L1);
	sem_wait(&b.entered);
	j = (struct dereg_job){ L1, xtag, 0 };
	pthread_create(&ta, NULL, dereg_thread, &j);
	eh_sleep_ms(50);
	CHECK(!done(&j));
	sem_post(&b.go);
	pthread_join(ta, NULL);
	CHECK(done(&j));
	pthread_join(tb, NULL);
	IV_EVENTHANDLER_LIST_INVOKE(bl, L1);
	CHECK_EQ_INT(b.calls, 1);
	blocker_fini(&b);

	/* T24: deregistering Y does not wait for X. */
	blocker_init(&b);
	xtag = iv_eventhandler_register(L1, NULL, (iv_eventhandler_fn)blk,
					&b, 0);
	ytag = iv_eventhandler_register(L1, NULL, (iv_eventhandler_fn)noop,
					NULL, 1);
	pthread_create(&tb, NULL, invoke_blocking, L1);
	sem_wait(&b.entered);
	t0 = eh_now_ns();
	CHECK_EQ_INT(iv_eventhandler_deregister(L1, ytag), 0);
	CHECK(eh_now_ns() - t0 < 500000000);
	sem_post(&b.go);
	pthread_join(tb, NULL);
	CHECK_EQ_INT(iv_eventhandler_deregister(L1, xtag), 0);
	blocker_fini(&b);

	/* T27: nowait returns at once; memory stays valid meanwhile. */
	blocker_init(&b);
	b.canary = canary_new();
	xtag = iv_eventhandler_register(L1, NULL, (iv_eventhandler_fn)blk,
					&b, 0);
	pthread_create(&tb, NULL, invoke_blocking, L1);
	sem_wait(&b.entered);
	t0 = eh_now_ns();
	CHECK_EQ_INT(iv_eventhandler_deregister_nowait(L1, xtag), 0);
	CHECK(eh_now_ns() - t0 < 500000000);
	IV_EVENTHANDLER_LIST_INVOKE(bl, L1);
	sem_post(&b.go);
	pthread_join(tb, NULL);
	CHECK_EQ_INT(b.calls, 1);
	free(b.canary);
	blocker_fini(&b);

	/* T28 */
	blocker_init(&b);
	self_b = &b;
	xtag = iv_eventhandler_register(L1, NULL, (iv_eventhandler_fn)self_x,
					&b, 0);
	pthread_create(&tb, NULL, invoke_blocking, L1);
	sem_wait(&b.entered);
	pthread_create(&ta, NULL, invoke_self, NULL);
	eh_sleep_ms(50);
	CHECK(!__atomic_load_n(&self_done, __ATOMIC_ACQUIRE));
	sem_post(&b.go);
	pthread_join(ta, NULL);
	CHECK(__atomic_load_n(&self_done, __ATOMIC_ACQUIRE));
	pthread_join(tb, NULL);
	blocker_fini(&b);

	/* T29 */
	blocker_init(&b);
	ztag = iv_eventhandler_register(L2, NULL, (iv_eventhandler_fn)blk,
					&b, 0);
	ytag = iv_eventhandler_register(L1, NULL,
					(iv_eventhandler_fn)y_handler, NULL, 0);
	pthread_create(&tb, NULL, invoke_blocking, L2);
	sem_wait(&b.entered);
	pthread_create(&ta, NULL, invoke_l1, NULL);
	eh_sleep_ms(50);
	CHECK(!__atomic_load_n(&y_done, __ATOMIC_ACQUIRE));
	sem_post(&b.go);
	pthread_join(ta, NULL);
	CHECK(__atomic_load_n(&y_done, __ATOMIC_ACQUIRE));
	pthread_join(tb, NULL);
	CHECK_EQ_INT(iv_eventhandler_deregister(L1, ytag), 0);
	blocker_fini(&b);

	/* T30 */
	blocker_init(&b2);
	xtag = iv_eventhandler_register(L1, NULL,
					(iv_eventhandler_fn)writer_x, &b2, 0);
	pthread_create(&tb, NULL, invoke_blocking, L1);
	sem_wait(&b2.entered);
	j = (struct dereg_job){ L1, xtag, 0 };
	pthread_create(&ta, NULL, dereg_thread, &j);
	eh_sleep_ms(20);
	sem_post(&b2.go);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	CHECK_EQ_INT(iv_eventhandler_count(L1), 0);
	blocker_fini(&b2);

	iv_eventhandler_shutdown();
	return 0;
}
