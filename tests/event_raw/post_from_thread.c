/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A thread without a loop posts; every post runs the handler in the owner. */

#include <pthread.h>
#include <semaphore.h>
#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"

#define ROUNDS	1000

static struct iv_event_raw ev;
static sem_t ack;
static unsigned long owner;
static int calls;

static void got_event(void *cookie)
{
	CHECK_EQ_INT(iv_get_thread_id(), owner);
	calls++;
	if (calls == ROUNDS)
		iv_event_raw_unregister(&ev);
	CHECK_EQ_INT(sem_post(&ack), 0);
}

/* Ping-pong: the next post only after the handler saw the previous one. */
static void *poster(void *arg)
{
	int i;

	CHECK(!iv_inited());
	for (i = 0; i < ROUNDS; i++) {
		iv_event_raw_post(&ev);
		while (sem_wait(&ack) < 0)
			CHECK_EQ_INT(errno, EINTR);
	}
	return NULL;
}

int main(void)
{
	pthread_t thr;

	TEST_BEGIN(30);
	CHECK_EQ_INT(sem_init(&ack, 0, 0), 0);
	iv_init();
	owner = iv_get_thread_id();

	IV_EVENT_RAW_INIT(&ev);
	ev.handler = got_event;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);

	CHECK_EQ_INT(pthread_create(&thr, NULL, poster, NULL), 0);
	iv_main();
	CHECK_EQ_INT(pthread_join(thr, NULL), 0);

	CHECK_EQ_INT(calls, ROUNDS);
	iv_deinit();
	sem_destroy(&ack);
	return 0;
}
