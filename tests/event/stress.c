/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* 64 threads post 10000 times each; the handlers see every final post. */

/*
 * Thread i stores its sequence number j in seq[i], then posts ev[i], for
 * j = 1..POSTS.  The handler of ev[i] runs in the loop thread and records
 * seq[i]; the values it sees never go down.  A handler call always
 * follows the last post, so the handler must end up having seen POSTS.
 * A reaper thread joins the posters and then posts a "done" event; as
 * handlers run in posting order, every ev[i] call due to a final post
 * has run before the "done" handler, which checks the totals.
 */

#include <pthread.h>
#include <stdatomic.h>
#include <iv.h>
#include <iv_event.h>
#include "check.h"

#define THREADS	64
#define POSTS	10000

struct poster {
	pthread_t		thr;
	struct iv_event		ev;
	atomic_int		seq;
	int			seen;
	int			calls;
};

static struct poster posters[THREADS];
static struct iv_event done;
static pthread_barrier_t start;
static unsigned long owner;
static int done_calls;

static void got_event(void *cookie)
{
	struct poster *p = cookie;
	int seq = atomic_load(&p->seq);

	CHECK_EQ_INT(iv_get_thread_id(), owner);
	CHECK(seq >= p->seen);
	CHECK(seq >= 1);
	p->seen = seq;
	p->calls++;
}

static void got_done(void *cookie)
{
	int i;

	CHECK_EQ_INT(iv_get_thread_id(), owner);
	done_calls++;
	for (i = 0; i < THREADS; i++) {
		CHECK_EQ_INT(posters[i].seen, POSTS);
		CHECK(posters[i].calls >= 1);
		CHECK(posters[i].calls <= POSTS);
		iv_event_unregister(&posters[i].ev);
	}
	iv_event_unregister(&done);
}

static void *poster_thread(void *arg)
{
	struct poster *p = arg;
	int j;

	pthread_barrier_wait(&start);
	for (j = 1; j <= POSTS; j++) {
		atomic_store(&p->seq, j);
		iv_event_post(&p->ev);
	}
	return NULL;
}

static void *reaper_thread(void *arg)
{
	int i;

	for (i = 0; i < THREADS; i++)
		CHECK_EQ_INT(pthread_join(posters[i].thr, NULL), 0);
	iv_event_post(&done);
	return NULL;
}

int main(void)
{
	pthread_t reaper;
	int i;

	TEST_BEGIN(110);
	iv_init();
	owner = iv_get_thread_id();

	CHECK_EQ_INT(pthread_barrier_init(&start, NULL, THREADS), 0);
	for (i = 0; i < THREADS; i++) {
		struct poster *p = &posters[i];

		atomic_init(&p->seq, 0);
		IV_EVENT_INIT(&p->ev);
		p->ev.cookie = p;
		p->ev.handler = got_event;
		CHECK_EQ_INT(iv_event_register(&p->ev), 0);
	}
	IV_EVENT_INIT(&done);
	done.handler = got_done;
	CHECK_EQ_INT(iv_event_register(&done), 0);

	for (i = 0; i < THREADS; i++)
		CHECK_EQ_INT(pthread_create(&posters[i].thr, NULL,
					    poster_thread, &posters[i]), 0);
	CHECK_EQ_INT(pthread_create(&reaper, NULL, reaper_thread, NULL), 0);

	iv_main();
	CHECK_EQ_INT(pthread_join(reaper, NULL), 0);
	CHECK_EQ_INT(done_calls, 1);

	pthread_barrier_destroy(&start);
	iv_deinit();
	return 0;
}
