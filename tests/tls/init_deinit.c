/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Per-thread areas: zeroed, aligned, set up and torn down in order. */

#include <pthread.h>
#include <stdint.h>
#include <iv.h>
#include <iv_tls.h>
#include "check.h"

#define MARK	0x5a

struct record {
	int			log[8];	/* +user: init, -user: deinit */
	int			n;
	void			*area[3];
};

static void init_1(void *st);
static void init_2(void *st);
static void deinit_1(void *st);
static void deinit_2(void *st);

static struct iv_tls_user users[3] = {
	{ .sizeof_state = 5, .init_thread = init_1,
	  .deinit_thread = deinit_1 },
	{ .sizeof_state = 24, .init_thread = init_2,
	  .deinit_thread = deinit_2 },
	/* A user that only wants the memory. */
	{ .sizeof_state = 40 },
};

static __thread struct record *rec;
static struct record main_rec, child_rec;

static void on_init(int u, void *st)
{
	size_t i;

	CHECK(rec != NULL);
	CHECK_EQ_INT((uintptr_t)st % 16, 0);
	for (i = 0; i < users[u].sizeof_state; i++)
		CHECK_EQ_INT(((unsigned char *)st)[i], 0);
	CHECK(iv_tls_user_ptr(&users[u]) == st);
	memset(st, MARK, users[u].sizeof_state);
	rec->area[u] = st;
	rec->log[rec->n++] = u + 1;
}

static void on_deinit(int u, void *st)
{
	size_t i;

	CHECK(rec != NULL);
	CHECK(st == rec->area[u]);
	for (i = 0; i < users[u].sizeof_state; i++)
		CHECK_EQ_INT(((unsigned char *)st)[i], MARK);
	rec->log[rec->n++] = -(u + 1);
}

static void init_1(void *st)
{
	on_init(0, st);
}

static void init_2(void *st)
{
	on_init(1, st);
}

static void deinit_1(void *st)
{
	on_deinit(0, st);
}

static void deinit_2(void *st)
{
	on_deinit(1, st);
}

/* Sets the thread up and leaves without iv_deinit. */
static void *loop_thread(void *arg)
{
	rec = &child_rec;
	CHECK(iv_tls_user_ptr(&users[0]) == NULL);
	iv_init();
	CHECK_EQ_INT(child_rec.n, 2);
	CHECK(iv_tls_user_ptr(&users[0]) != main_rec.area[0]);
	CHECK(iv_tls_user_ptr(&users[2]) != NULL);
	CHECK_EQ_INT((uintptr_t)iv_tls_user_ptr(&users[2]) % 16, 0);
	return NULL;
}

static void *plain_thread(void *arg)
{
	CHECK(iv_tls_user_ptr(&users[0]) == NULL);
	CHECK(iv_tls_user_ptr(&users[2]) == NULL);
	return NULL;
}

int main(void)
{
	unsigned char *p;
	pthread_t thr;
	int i;

	TEST_BEGIN(10);
	/* Before the first iv_init of the process. */
	for (i = 0; i < 3; i++)
		iv_tls_user_register(&users[i]);
	CHECK(iv_tls_user_ptr(&users[0]) == NULL);

	rec = &main_rec;
	iv_init();
	CHECK_EQ_INT(main_rec.n, 2);
	CHECK_EQ_INT(main_rec.log[0], 1);
	CHECK_EQ_INT(main_rec.log[1], 2);
	CHECK(iv_tls_user_ptr(&users[0]) == main_rec.area[0]);
	CHECK(iv_tls_user_ptr(&users[1]) == main_rec.area[1]);
	p = iv_tls_user_ptr(&users[2]);
	CHECK(p != NULL);
	CHECK_EQ_INT((uintptr_t)p % 16, 0);
	for (i = 0; i < 40; i++)
		CHECK_EQ_INT(p[i], 0);

	CHECK_EQ_INT(pthread_create(&thr, NULL, plain_thread, NULL), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);

	/* Thread exit without iv_deinit still runs deinit_thread. */
	CHECK_EQ_INT(pthread_create(&thr, NULL, loop_thread, NULL), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	CHECK_EQ_INT(child_rec.n, 4);
	CHECK_EQ_INT(child_rec.log[0], 1);
	CHECK_EQ_INT(child_rec.log[1], 2);
	CHECK_EQ_INT(child_rec.log[2], -1);
	CHECK_EQ_INT(child_rec.log[3], -2);

	/* iv_deinit: same order as registration, not reversed. */
	iv_deinit();
	CHECK_EQ_INT(main_rec.n, 4);
	CHECK_EQ_INT(main_rec.log[2], -1);
	CHECK_EQ_INT(main_rec.log[3], -2);
	CHECK(iv_tls_user_ptr(&users[0]) == NULL);
	return 0;
}
