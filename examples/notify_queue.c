/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Demo: a thread-safe queue whose two reader threads are woken by iv_notify. */

#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <iv.h>
#include <iv_notify.h>

#define QCAP		16
#define NITEMS		10000
#define NREADERS	2
#define STOP		(-1)

/*
 * The queue is a ring of ints.  It uses simple mode: the notify source's
 * own lock guards the ring, and query() tells the library what holds now.
 */
struct queue {
	struct iv_notify_source	src;
	int			ring[QCAP];
	int			head;
	int			n;
};

static uint32_t queue_query(void *cookie, int counts[IV_NOTIFY_MAXCOND])
{
	struct queue *q = cookie;
	uint32_t t = 0;

	if (q->n > 0)
		t |= IV_NOTIFY_COND_INPUT;
	if (q->n < QCAP)
		t |= IV_NOTIFY_COND_OUTPUT;
	return t;
}

static const struct iv_notify_source_ops queue_ops = { .query = queue_query };

/* Returns 0 when full.  A push onto an empty ring is a transition. */
static int queue_push(struct queue *q, int v)
{
	int ok = 0;

	iv_notify_source_lock(&q->src);
	if (q->n < QCAP) {
		q->ring[(q->head + q->n) % QCAP] = v;
		q->n++;
		iv_notify_trigger_ex_locked(&q->src, NULL, q->n,
					    IV_NOTIFY_INPUT, q->n == 1 ?
					    0 : IV_NOTIFY_TRIGF_STEADY);
		ok = 1;
	}
	iv_notify_source_unlock(&q->src);
	return ok;
}

/* Returns 0 when empty (the other reader may have been quicker). */
static int queue_pop(struct queue *q, int *v)
{
	int ok = 0;

	iv_notify_source_lock(&q->src);
	if (q->n > 0) {
		*v = q->ring[q->head];
		q->head = (q->head + 1) % QCAP;
		q->n--;
		iv_notify_trigger_locked(&q->src, QCAP - q->n,
					 IV_NOTIFY_OUTPUT);
		ok = 1;
	}
	iv_notify_source_unlock(&q->src);
	return ok;
}

static struct queue q;

struct reader {
	pthread_t		thread;
	struct iv_notify_conn	conn;
	struct iv_notify_watch	watch;
	long			sum;
	int			items;
};

/* Level-triggered: called again next iteration while the ring is non-empty. */
static void reader_in(void *cookie)
{
	struct reader *r = cookie;
	int v;

	if (!queue_pop(&q, &v))
		return;
	if (v == STOP) {
		/* The last registered object goes: iv_main() returns. */
		iv_notify_watch_unregister(&r->watch);
		return;
	}
	r->sum += v;
	r->items++;
}

static void *reader_main(void *arg)
{
	struct reader *r = arg;

	iv_init();
	if (iv_notify_open(&r->conn, &q.src) != 0)
		abort();
	IV_NOTIFY_WATCH_INIT(&r->watch);
	r->watch.conn = &r->conn;
	r->watch.cookie = r;
	r->watch.handler_in = reader_in;
	if (iv_notify_watch_register(&r->watch) != 0)
		abort();
	iv_main();
	iv_notify_close(&r->conn);
	iv_deinit();
	return NULL;
}

/* The producer has no loop: it blocks in iv_notify_poll() while full. */
static void produce(struct iv_notify_conn *conn, int v)
{
	struct iv_notify_pollfd pfd;

	while (!queue_push(&q, v)) {
		pfd.conn = conn;
		pfd.events = POLLOUT;
		pfd.revents = 0;
		if (iv_notify_poll(&pfd, 1, NULL) < 0)
			abort();
	}
}

int main(void)
{
	struct reader readers[NREADERS];
	struct iv_notify_conn pconn;
	long sum = 0;
	int items = 0;
	int i;

	if (iv_notify_source_init(&q.src, 3, &queue_ops, &q) != 0)
		return 1;
	if (iv_notify_open(&pconn, &q.src) != 0)
		return 1;
	for (i = 0; i < NREADERS; i++) {
		readers[i].sum = 0;
		readers[i].items = 0;
		pthread_create(&readers[i].thread, NULL, reader_main,
			       &readers[i]);
	}

	for (i = 1; i <= NITEMS; i++)
		produce(&pconn, i);
	for (i = 0; i < NREADERS; i++)
		produce(&pconn, STOP);

	for (i = 0; i < NREADERS; i++) {
		pthread_join(readers[i].thread, NULL);
		printf("reader %d: %d items\n", i, readers[i].items);
		sum += readers[i].sum;
		items += readers[i].items;
	}
	iv_notify_close(&pconn);
	iv_notify_source_destroy(&q.src, 0);

	if (items != NITEMS || sum != (long)NITEMS * (NITEMS + 1) / 2) {
		fprintf(stderr, "lost items: %d, sum %ld\n", items, sum);
		return 1;
	}
	printf("all %d items delivered\n", items);
	return 0;
}
