/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Watches in 8 loop threads on one source, pushed from outside (36, 44). */

#include <pthread.h>
#include <iv.h>
#include <iv_event.h>
#include "check.h"
#include "nq.h"

#define THREADS		8
#define PER		8
#define ROUNDS		200

static struct nq q;
static int seen[THREADS];
static int round_no;
static pthread_barrier_t started;

struct slot {
	struct iv_notify_conn	conn;
	struct iv_notify_watch	w;
	int			t;
	int			last;
	int			*left;
};

static void on_in(void *c)
{
	struct slot *s = c;
	int r = __atomic_load_n(&round_no, __ATOMIC_ACQUIRE);

	if (s->last != r) {
		s->last = r;
		__atomic_add_fetch(&seen[s->t], 1, __ATOMIC_ACQ_REL);
	}
	if (r == ROUNDS) {
		iv_notify_watch_unregister(&s->w);
		return;
	}
	/* Stop watching input until the next round. */
	iv_notify_watch_set_handler_in(&s->w, NULL);
	iv_notify_watch_set_handler_err(&s->w, NULL);
}

static struct iv_event again[THREADS];
static struct slot slots[THREADS][PER];

static void on_again(void *c)
{
	int t = (int)(long)c;
	int live = 0;
	int i;

	for (i = 0; i < PER; i++) {
		if (!iv_notify_watch_registered(&slots[t][i].w))
			continue;
		live++;
		if (slots[t][i].w.handler_in == NULL)
			iv_notify_watch_set_handler_in(&slots[t][i].w, on_in);
	}
	if (live == 0)
		iv_event_unregister(&again[t]);
}

static void *loop(void *arg)
{
	int t = (int)(long)arg;
	int i;

	iv_init();
	IV_EVENT_INIT(&again[t]);
	again[t].cookie = arg;
	again[t].handler = on_again;
	iv_event_register(&again[t]);
	for (i = 0; i < PER; i++) {
		struct slot *s = &slots[t][i];

		s->t = t;
		CHECK_EQ_INT(iv_notify_open(&s->conn, &q.src), 0);
		IV_NOTIFY_WATCH_INIT(&s->w);
		s->w.conn = &s->conn;
		s->w.cookie = s;
		s->w.handler_in = on_in;
		CHECK_EQ_INT(iv_notify_watch_register(&s->w), 0);
	}
	pthread_barrier_wait(&started);
	iv_main();
	for (i = 0; i < PER; i++)
		CHECK_EQ_INT(iv_notify_close(&slots[t][i].conn), 0);
	iv_deinit();
	return NULL;
}

int main(void)
{
	pthread_t th[THREADS];
	int r, t;

	TEST_BEGIN(60);
	CHECK_EQ_INT(nq_init(&q, 1 << 30), 0);
	pthread_barrier_init(&started, NULL, THREADS + 1);
	for (t = 0; t < THREADS; t++)
		CHECK_EQ_INT(pthread_create(&th[t], NULL, loop,
					    (void *)(long)t), 0);
	pthread_barrier_wait(&started);
	for (r = 1; r <= ROUNDS; r++) {
		int done;

		__atomic_store_n(&round_no, r, __ATOMIC_RELEASE);
		nq_push(&q, 1);
		do {
			done = 1;
			for (t = 0; t < THREADS; t++)
				if (__atomic_load_n(&seen[t],
						    __ATOMIC_ACQUIRE) < r * PER)
					done = 0;
			if (!done)
				usleep(100);
		} while (!done);
		nq_pop(&q, 1);
		for (t = 0; t < THREADS; t++)
			iv_event_post(&again[t]);
	}
	for (t = 0; t < THREADS; t++)
		pthread_join(th[t], NULL);
	for (t = 0; t < THREADS; t++)
		CHECK_EQ_INT(seen[t], ROUNDS * PER);
	iv_notify_source_destroy(&q.src, 0);
	pthread_barrier_destroy(&started);
	return 0;
}
