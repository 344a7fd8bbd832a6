/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Message events: run in the owner loop, by value, in order; drops. */

#include <iv.h>
#include "eh_test.h"

struct pay {
	int		seq;
	pthread_t	from;
};

static int released;		/* atomic */

static void pay_release(void *m)
{
	__atomic_add_fetch(&released, 1, __ATOMIC_RELAXED);
}

IV_EVENTHANDLER_DECLARE_MSG(msg1, struct pay, pay_release);
IV_EVENTHANDLER_DECLARE_MSG(msg2, struct pay, pay_release);

#define N	1000

static pthread_t owner;
static sem_t ready, queued, l_done;
static int got[2];
static int h2_calls;
static int inline_calls;

static void h(void *arg, const struct pay *p)
{
	int i = (int)(intptr_t)arg;

	CHECK(pthread_equal(pthread_self(), owner));
	CHECK(!pthread_equal(p->from, owner));
	/* T51: in order, and handler 0 before handler 1 of the same call. */
	CHECK_EQ_INT(p->seq, got[i]);
	if (i == 1)
		CHECK_EQ_INT(got[0], got[1] + 1);
	got[i]++;
	if (got[1] == N)
		iv_quit();
}

static void h2(void *arg, const struct pay *p)
{
	h2_calls++;
}

static void sync_h(void *arg, const struct pay *p)
{
	inline_calls++;
}

static void *owner_thread(void *arg)
{
	iv_eventhandler_tag t2;

	iv_init();
	CHECK(IV_EVENTHANDLER_REGISTER_LOCAL(msg1, h, (void *)1, 1) != NULL);
	CHECK(IV_EVENTHANDLER_REGISTER_LOCAL(msg1, h, (void *)0, 0) != NULL);
	t2 = IV_EVENTHANDLER_REGISTER_LOCAL(msg2, h2, NULL, 0);
	CHECK(t2 != NULL);
	sem_post(&ready);
	/* T52: deliveries queued while busy are dropped on deregister. */
	sem_wait(&queued);
	CHECK_EQ_INT(iv_eventhandler_local_pending(), 100 + N * 2);
	CHECK_EQ_INT(iv_eventhandler_deregister(NULL, t2), 0);
	iv_main();
	CHECK_EQ_INT(h2_calls, 0);
	/* T53: leave with the mailbox still registered. */
	iv_deinit();
	sem_post(&l_done);
	return NULL;
}

int main(void)
{
	struct pay p;
	pthread_t th;
	int i;

	TEST_BEGIN(20);
	sem_init(&ready, 0, 0);
	sem_init(&queued, 0, 0);
	sem_init(&l_done, 0, 0);

	/* Not an ivykis thread: refused. */
	errno = 0;
	CHECK(IV_EVENTHANDLER_REGISTER_LOCAL(msg1, h, NULL, 0) == NULL);
	CHECK_EQ_INT(errno, EINVAL);

	pthread_create(&th, NULL, owner_thread, NULL);
	owner = th;
	sem_wait(&ready);
	CHECK(IV_EVENTHANDLER_REGISTER(msg1, sync_h, NULL, 5) != NULL);

	p.from = pthread_self();
	for (i = 0; i < 100; i++) {
		p.seq = i;
		IV_EVENTHANDLER_INVOKE_MSG(msg2, &p);
	}
	for (i = 0; i < N; i++) {
		p.seq = i;
		IV_EVENTHANDLER_INVOKE_MSG(msg1, &p);
		p.seq = -1;	/* T50: the owner has its own copy */
	}
	CHECK_EQ_INT(inline_calls, N);
	sem_post(&queued);
	sem_wait(&l_done);
	pthread_join(th, NULL);
	CHECK_EQ_INT(got[0], N);
	CHECK_EQ_INT(got[1], N);

	/* Owner gone: its handlers are gone, later invokes queue nothing. */
	for (i = 0; i < 10; i++)
		IV_EVENTHANDLER_INVOKE_MSG(msg1, &p);
	CHECK_EQ_INT(inline_calls, N + 10);
	CHECK_EQ_INT(__atomic_load_n(&released, __ATOMIC_RELAXED), 100 + N);
	CHECK_EQ_INT(iv_eventhandler_count(iv_eventhandler_find_list("msg1")),
		     1);

	iv_eventhandler_shutdown();
	sem_destroy(&ready);
	sem_destroy(&queued);
	sem_destroy(&l_done);
	return 0;
}
