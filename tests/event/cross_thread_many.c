/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Many events per loop, posted by a loop-less thread, run in their owners. */

#include <pthread.h>
#include <iv.h>
#include <iv_event.h>
#include "check.h"

#define OWNERS		4
#define PER_OWNER	16

struct owner;

struct slot {
	struct iv_event		ev;
	struct owner		*owner;
	int			calls;
};

struct owner {
	pthread_t		thr;
	unsigned long		tid;
	struct slot		slot[PER_OWNER];
	int			seen;
};

static struct owner owners[OWNERS];
static pthread_barrier_t registered;

static void got_event(void *cookie)
{
	struct slot *s = cookie;
	struct owner *o = s->owner;
	int i;

	CHECK_EQ_INT(iv_get_thread_id(), o->tid);
	s->calls++;
	if (++o->seen < PER_OWNER)
		return;
	for (i = 0; i < PER_OWNER; i++)
		iv_event_unregister(&o->slot[i].ev);
}

static void *owner_thread(void *arg)
{
	struct owner *o = arg;
	int i;

	iv_init();
	o->tid = iv_get_thread_id();
	for (i = 0; i < PER_OWNER; i++) {
		struct slot *s = &o->slot[i];

		s->owner = o;
		IV_EVENT_INIT(&s->ev);
		s->ev.cookie = s;
		s->ev.handler = got_event;
		CHECK_EQ_INT(iv_event_register(&s->ev), 0);
	}
	pthread_barrier_wait(&registered);
	iv_main();
	for (i = 0; i < PER_OWNER; i++)
		CHECK_EQ_INT(o->slot[i].calls, 1);
	iv_deinit();
	return NULL;
}

/* Never calls iv_init(); posts in an order that interleaves the owners. */
static void *poster_thread(void *arg)
{
	int i, j;

	CHECK(!iv_inited());
	pthread_barrier_wait(&registered);
	for (i = PER_OWNER - 1; i >= 0; i--) {
		for (j = 0; j < OWNERS; j++)
			iv_event_post(&owners[j].slot[i].ev);
	}
	return NULL;
}

int main(void)
{
	pthread_t poster;
	int i;

	TEST_BEGIN(20);
	CHECK_EQ_INT(pthread_barrier_init(&registered, NULL, OWNERS + 1), 0);
	for (i = 0; i < OWNERS; i++)
		CHECK_EQ_INT(pthread_create(&owners[i].thr, NULL, owner_thread,
					    &owners[i]), 0);
	CHECK_EQ_INT(pthread_create(&poster, NULL, poster_thread, NULL), 0);

	CHECK_EQ_INT(pthread_join(poster, NULL), 0);
	for (i = 0; i < OWNERS; i++)
		CHECK_EQ_INT(pthread_join(owners[i].thr, NULL), 0);
	pthread_barrier_destroy(&registered);
	return 0;
}
