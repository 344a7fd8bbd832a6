/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Posts coalesce until the handler starts; one made during it brings a call. */

#include <pthread.h>
#include <iv.h>
#include <iv_event.h>
#include "check.h"

static struct iv_event ev;
static unsigned long owner;
static int calls;

static void got_event(void *cookie)
{
	CHECK(cookie == &ev);
	CHECK_EQ_INT(iv_get_thread_id(), owner);
	calls++;
	if (calls == 1)
		iv_event_post(&ev);
	else
		iv_event_unregister(&ev);
}

static void *poster(void *arg)
{
	int i;

	for (i = 0; i < 100; i++)
		iv_event_post(&ev);
	return NULL;
}

int main(void)
{
	pthread_t thr;

	TEST_BEGIN(10);
	iv_init();
	owner = iv_get_thread_id();

	IV_EVENT_INIT(&ev);
	ev.cookie = &ev;
	ev.handler = got_event;
	CHECK_EQ_INT(iv_event_register(&ev), 0);

	/* 100 posts from another thread and three from this one, one call. */
	CHECK_EQ_INT(pthread_create(&thr, NULL, poster, NULL), 0);
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);
	iv_event_post(&ev);
	iv_event_post(&ev);
	iv_event_post(&ev);
	CHECK_EQ_INT(calls, 0);

	iv_main();
	CHECK_EQ_INT(calls, 2);
	iv_deinit();
	return 0;
}
