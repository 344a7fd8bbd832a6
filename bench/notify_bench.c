/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_notify benchmark: W1, W2, W3, W5 of the spec against the baselines. */

/*
 * Wake mechanisms compared (the "mode" of a queue):
 *   notify  iv_notify source in simple mode, consumer uses iv_notify_watch
 *   efd-a   eventfd per queue written on every push, consumer uses iv_fd
 *   efd-b   eventfd per queue written only on empty -> non-empty
 *   cond    mutex + condition variable per queue, consumer is a plain thread
 *   event   raw iv_event per queue posted on every push
 * The queue itself is a counter plus the stamp of the last push.
 */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <iv.h>
#include <iv_event.h>
#include <iv_notify.h>

enum mode { M_NOTIFY, M_EFD_A, M_EFD_B, M_COND, M_EVENT, M_COUNT };
static const char *mode_name[] = { "notify", "efd-a", "efd-b", "cond",
				   "event" };

struct bq {
	enum mode		mode;
	pthread_mutex_t		lock;
	pthread_cond_t		cond;
	struct iv_notify_source	src;
	int			efd;
	struct iv_event		ev;
	int			n;
	uint64_t		stamp;
	void			(*drain)(struct bq *q);
	void			*user;

	/* consumer side */
	struct iv_notify_conn	conn;
	struct iv_notify_watch	watch;
	struct iv_fd		fd;
	unsigned long		wakeups;
	unsigned long		signals;	/* producer wake calls */
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint32_t bq_query(void *cookie, int counts[IV_NOTIFY_MAXCOND])
{
	struct bq *q = cookie;

	return q->n > 0 ? IV_NOTIFY_COND_INPUT : 0;
}

static const struct iv_notify_source_ops bq_ops = { .query = bq_query };

static void bq_lock(struct bq *q)
{
	if (q->mode == M_NOTIFY)
		iv_notify_source_lock(&q->src);
	else
		pthread_mutex_lock(&q->lock);
}

static void bq_unlock(struct bq *q)
{
	if (q->mode == M_NOTIFY)
		iv_notify_source_unlock(&q->src);
	else
		pthread_mutex_unlock(&q->lock);
}

static void bq_init(struct bq *q, enum mode m)
{
	memset(q, 0, sizeof(*q));
	q->mode = m;
	q->efd = -1;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->cond, NULL);
	if (m == M_NOTIFY && iv_notify_source_init(&q->src, 3, &bq_ops, q))
		abort();
	if (m == M_EFD_A || m == M_EFD_B) {
		q->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (q->efd < 0)
			abort();
	}
}

static void bq_fini(struct bq *q)
{
	if (q->mode == M_NOTIFY)
		iv_notify_source_destroy(&q->src, 0);
	if (q->efd >= 0)
		close(q->efd);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->cond);
}

static void bq_push(struct bq *q, int k, uint64_t stamp)
{
	uint64_t one = 1;
	int was;

	bq_lock(q);
	was = q->n;
	q->n += k;
	q->stamp = stamp;
	switch (q->mode) {
	case M_NOTIFY:
		iv_notify_trigger_ex_locked(&q->src, NULL, q->n,
					    IV_NOTIFY_INPUT, was == 0 ? 0 :
					    IV_NOTIFY_TRIGF_STEADY);
		bq_unlock(q);
		return;
	case M_COND:
		q->signals++;
		pthread_cond_signal(&q->cond);
		bq_unlock(q);
		return;
	default:
		break;
	}
	bq_unlock(q);
	if (q->mode == M_EFD_A || (q->mode == M_EFD_B && was == 0)) {
		q->signals++;
		if (write(q->efd, &one, sizeof(one)) < 0)
			abort();
	} else if (q->mode == M_EVENT) {
		q->signals++;
		iv_event_post(&q->ev);
	}
}

/* Take everything; returns the count and the last stamp. */
static int bq_take(struct bq *q, uint64_t *stamp)
{
	int n;

	bq_lock(q);
	n = q->n;
	q->n = 0;
	if (stamp != NULL)
		*stamp = q->stamp;
	bq_unlock(q);
	return n;
}

/* Blocking take for the condition-variable consumer. */
static int bq_take_wait(struct bq *q, uint64_t *stamp)
{
	int n;

	pthread_mutex_lock(&q->lock);
	while (q->n == 0)
		pthread_cond_wait(&q->cond, &q->lock);
	q->wakeups++;
	n = q->n;
	q->n = 0;
	if (stamp != NULL)
		*stamp = q->stamp;
	pthread_mutex_unlock(&q->lock);
	return n;
}

static void on_watch(void *cookie)
{
	struct bq *q = cookie;

	q->wakeups++;
	q->drain(q);
}

static void on_efd(void *cookie)
{
	struct bq *q = cookie;
	uint64_t v;

	if (read(q->efd, &v, sizeof(v)) < 0)
		return;
	q->wakeups++;
	q->drain(q);
}

/* Consumer side, in the thread that runs the loop. */
static void bq_consume_start(struct bq *q)
{
	switch (q->mode) {
	case M_NOTIFY:
		if (iv_notify_open(&q->conn, &q->src))
			abort();
		IV_NOTIFY_WATCH_INIT(&q->watch);
		q->watch.conn = &q->conn;
		q->watch.cookie = q;
		q->watch.handler_in = on_watch;
		if (iv_notify_watch_register(&q->watch))
			abort();
		break;
	case M_EFD_A:
	case M_EFD_B:
		IV_FD_INIT(&q->fd);
		q->fd.fd = q->efd;
		q->fd.cookie = q;
		q->fd.handler_in = on_efd;
		iv_fd_register(&q->fd);
		break;
	case M_EVENT:
		IV_EVENT_INIT(&q->ev);
		q->ev.cookie = q;
		q->ev.handler = on_watch;
		iv_event_register(&q->ev);
		break;
	default:
		break;
	}
}

static void bq_consume_stop(struct bq *q)
{
	switch (q->mode) {
	case M_NOTIFY:
		iv_notify_watch_unregister(&q->watch);
		iv_notify_close(&q->conn);
		break;
	case M_EFD_A:
	case M_EFD_B:
		iv_fd_unregister(&q->fd);
		break;
	case M_EVENT:
		iv_event_unregister(&q->ev);
		break;
	default:
		break;
	}
}

/* A start barrier for threads that register consumers. */
static pthread_mutex_t ready_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready_cond = PTHREAD_COND_INITIALIZER;
static int ready;

static void mark_ready(void)
{
	pthread_mutex_lock(&ready_lock);
	ready++;
	pthread_cond_broadcast(&ready_cond);
	pthread_mutex_unlock(&ready_lock);
}

static void wait_ready(int n)
{
	pthread_mutex_lock(&ready_lock);
	while (ready < n)
		pthread_cond_wait(&ready_cond, &ready_lock);
	pthread_mutex_unlock(&ready_lock);
}

/*
 * A thread that unregisters its consumers first waits until the other
 * side has made its last push, so no post reaches an unregistered event.
 */
static int done_a, done_b;

static void set_done(int *f)
{
	__atomic_store_n(f, 1, __ATOMIC_RELEASE);
}

static void wait_done(int *f)
{
	while (!__atomic_load_n(f, __ATOMIC_ACQUIRE))
		sched_yield();
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* ---------------------------------------------------------------- */
/* W1: ping-pong between two loop threads; one-way latency = rtt / 2. */

static struct bq w1_ab, w1_ba;
static uint64_t *w1_rtt;
static int w1_n, w1_i;

static void w1_b_drain(struct bq *q)
{
	uint64_t st;

	if (bq_take(q, &st) == 0)
		return;
	if (st == 0) {
		iv_quit();
		return;
	}
	bq_push(&w1_ba, 1, st);
}

static void w1_a_drain(struct bq *q)
{
	uint64_t st;

	if (bq_take(q, &st) == 0)
		return;
	w1_rtt[w1_i++] = now_ns() - st;
	if (w1_i == w1_n) {
		bq_push(&w1_ab, 1, 0);
		iv_quit();
		return;
	}
	bq_push(&w1_ab, 1, now_ns());
}

static void *w1_b_thread(void *arg)
{
	uint64_t st;

	if (w1_ab.mode == M_COND) {
		mark_ready();
		for (;;) {
			bq_take_wait(&w1_ab, &st);
			if (st == 0)
				break;
			bq_push(&w1_ba, 1, st);
		}
		return NULL;
	}
	iv_init();
	w1_ab.drain = w1_b_drain;
	bq_consume_start(&w1_ab);
	mark_ready();
	iv_main();
	set_done(&done_b);
	wait_done(&done_a);
	bq_consume_stop(&w1_ab);
	iv_deinit();
	return NULL;
}

static void w1(enum mode m, int n)
{
	pthread_t b;
	uint64_t st;

	bq_init(&w1_ab, m);
	bq_init(&w1_ba, m);
	w1_rtt = calloc(n, sizeof(*w1_rtt));
	w1_n = n;
	w1_i = 0;
	ready = 0;
	done_a = done_b = 0;
	pthread_create(&b, NULL, w1_b_thread, NULL);
	if (m == M_COND) {
		wait_ready(1);
		for (w1_i = 0; w1_i < n; w1_i++) {
			bq_push(&w1_ab, 1, now_ns());
			bq_take_wait(&w1_ba, &st);
			w1_rtt[w1_i] = now_ns() - st;
		}
		bq_push(&w1_ab, 1, 0);
	} else {
		iv_init();
		w1_ba.drain = w1_a_drain;
		bq_consume_start(&w1_ba);
		wait_ready(1);
		bq_push(&w1_ab, 1, now_ns());
		iv_main();
		set_done(&done_a);
		wait_done(&done_b);
		bq_consume_stop(&w1_ba);
		iv_deinit();
	}
	pthread_join(b, NULL);
	qsort(w1_rtt, n, sizeof(*w1_rtt), cmp_u64);
	printf("W1 %-7s one-way ns p50 %6llu p99 %6llu p99.9 %6llu\n",
	       mode_name[m], (unsigned long long)w1_rtt[n / 2] / 2,
	       (unsigned long long)w1_rtt[n * 99 / 100] / 2,
	       (unsigned long long)w1_rtt[n * 999 / 1000] / 2);
	free(w1_rtt);
	bq_fini(&w1_ab);
	bq_fini(&w1_ba);
}

/* ---------------------------------------------------------------- */
/* W2: streaming; the producer pushes bursts, the consumer drains. */

static struct bq w2_q;
static long w2_total, w2_consumed;

static void w2_drain(struct bq *q)
{
	long got = bq_take(q, NULL);

	__atomic_add_fetch(&w2_consumed, got, __ATOMIC_RELEASE);
	if (__atomic_load_n(&w2_consumed, __ATOMIC_ACQUIRE) >= w2_total)
		iv_quit();
}

static void *w2_consumer(void *arg)
{
	if (w2_q.mode == M_COND) {
		mark_ready();
		while (__atomic_load_n(&w2_consumed, __ATOMIC_ACQUIRE) <
		       w2_total)
			__atomic_add_fetch(&w2_consumed,
					   bq_take_wait(&w2_q, NULL),
					   __ATOMIC_RELEASE);
		return NULL;
	}
	iv_init();
	w2_q.drain = w2_drain;
	bq_consume_start(&w2_q);
	mark_ready();
	iv_main();
	wait_done(&done_a);
	bq_consume_stop(&w2_q);
	iv_deinit();
	return NULL;
}

static double cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void w2(enum mode m, int burst, long total)
{
	struct iv_notify_stats st;
	double c0, c1;
	uint64_t t0, t1;
	pthread_t t;
	long pushed;
	int i;

	bq_init(&w2_q, m);
	w2_total = total;
	w2_consumed = 0;
	ready = 0;
	done_a = 0;
	pthread_create(&t, NULL, w2_consumer, NULL);
	wait_ready(1);
	c0 = cpu_s();
	t0 = now_ns();
	for (pushed = 0; pushed < total; ) {
		for (i = 0; i < burst && pushed < total; i++, pushed++)
			bq_push(&w2_q, 1, 0);
		/* Wait for the burst to drain so the next one starts empty. */
		while (__atomic_load_n(&w2_consumed, __ATOMIC_ACQUIRE) <
		       pushed)
			;
	}
	set_done(&done_a);
	pthread_join(t, NULL);
	t1 = now_ns();
	c1 = cpu_s();
	if (m == M_NOTIFY) {
		iv_notify_source_stats(&w2_q.src, &st);
		w2_q.signals = st.deliveries;
	}
	printf("W2 %-7s burst %4d: %7.2f Mitems/s, cpu %6.1f ns/item, "
	       "wakes %.3f/item, signals %.3f/item\n", mode_name[m], burst,
	       total / ((t1 - t0) / 1e3), (c1 - c0) * 1e9 / total,
	       (double)w2_q.wakeups / total, (double)w2_q.signals / total);
	bq_fini(&w2_q);
}

/* ---------------------------------------------------------------- */
/* W3: one consumer loop watching N queues; random single pushes. */

static struct bq *w3_q;
static int w3_nq;
static long w3_consumed, w3_stop;

static void w3_drain(struct bq *q)
{
	long got = bq_take(q, NULL);

	__atomic_add_fetch(&w3_consumed, got, __ATOMIC_RELEASE);
	if (__atomic_load_n(&w3_stop, __ATOMIC_ACQUIRE))
		iv_quit();
}

static void *w3_consumer(void *arg)
{
	int i;

	iv_init();
	for (i = 0; i < w3_nq; i++) {
		w3_q[i].drain = w3_drain;
		bq_consume_start(&w3_q[i]);
	}
	mark_ready();
	iv_main();
	wait_done(&done_a);
	for (i = 0; i < w3_nq; i++)
		bq_consume_stop(&w3_q[i]);
	iv_deinit();
	return NULL;
}

static void w3(enum mode m, int nq, int rounds)
{
	struct timespec idle = { 0, 200 * 1000 * 1000 };
	unsigned long wakes0 = 0, wakes1 = 0;
	uint64_t t0, sum = 0;
	unsigned int seed = 1;
	pthread_t t;
	int i;

	w3_q = calloc(nq, sizeof(*w3_q));
	w3_nq = nq;
	for (i = 0; i < nq; i++)
		bq_init(&w3_q[i], m);
	w3_consumed = 0;
	w3_stop = 0;
	ready = 0;
	done_a = 0;
	pthread_create(&t, NULL, w3_consumer, NULL);
	wait_ready(1);
	for (i = 0; i < rounds; i++) {
		struct bq *q = &w3_q[rand_r(&seed) % nq];

		t0 = now_ns();
		bq_push(q, 1, 0);
		while (__atomic_load_n(&w3_consumed, __ATOMIC_ACQUIRE) <= i)
			;
		sum += now_ns() - t0;
	}
	/* Idle: no pushes, count consumer wake-ups. */
	for (i = 0; i < nq; i++)
		wakes0 += w3_q[i].wakeups;
	nanosleep(&idle, NULL);
	for (i = 0; i < nq; i++)
		wakes1 += w3_q[i].wakeups;
	__atomic_store_n(&w3_stop, 1, __ATOMIC_RELEASE);
	bq_push(&w3_q[0], 1, 0);
	set_done(&done_a);
	pthread_join(t, NULL);
	printf("W3 %-7s N %5d: push->consumed %6llu ns avg, idle wakes %lu\n",
	       mode_name[m], nq, (unsigned long long)(sum / rounds),
	       wakes1 - wakes0);
	for (i = 0; i < nq; i++)
		bq_fini(&w3_q[i]);
	free(w3_q);
}

/* ---------------------------------------------------------------- */
/* W5: arm/disarm/trigger micro-benchmarks, single thread. */

static unsigned int w5_word;

static struct iv_sigevent w5_ev(void)
{
	struct iv_sigevent ev;

	memset(&ev, 0, sizeof(ev));
	ev.notify = IV_SIGEV_MEMORY;
	ev.addr = &w5_word;
	ev.memop = IV_SIGEV_MEM_ADD;
	ev.value.sival_int = 1;
	return ev;
}

#define W5_LOOP(label, n, body) do {					\
	uint64_t _t0 = now_ns();					\
	long _i;							\
	for (_i = 0; _i < (n); _i++) { body; }				\
	printf("W5 %-34s %7.1f ns\n", label,				\
	       (double)(now_ns() - _t0) / (n));				\
} while (0)

static void w5(long n)
{
	struct iv_sigevent ev = w5_ev();
	struct iv_notify_conn *conns;
	static const int ks[] = { 1, 16, 256 };
	struct bq q;
	unsigned int k;
	int i;

	bq_init(&q, M_NOTIFY);
	conns = calloc(256, sizeof(*conns));
	for (i = 0; i < 256; i++)
		iv_notify_open(&conns[i], &q.src);

	W5_LOOP("trigger, nothing armed", n * 10,
		iv_notify_trigger(&q.src, 1, IV_NOTIFY_INPUT));
	W5_LOOP("check, nothing armed", n * 10,
		__asm__ volatile("" : : "r"(iv_notify_check(&q.src,
				 IV_NOTIFY_INPUT, 1, 1))));
	W5_LOOP("POLL, not ready", n,
		iv_notify_arm(&conns[0], IV_NOTIFY_ACTION_POLL,
			      IV_NOTIFY_COND_INPUT, &ev));
	W5_LOOP("POLLARM not ready + disarm (NULL)", n, {
		iv_notify_arm(&conns[0], IV_NOTIFY_ACTION_POLLARM,
			      IV_NOTIFY_COND_INPUT, &ev);
		iv_notify_arm(&conns[0], IV_NOTIFY_ACTION_POLLARM,
			      IV_NOTIFY_COND_INPUT, NULL); });
	W5_LOOP("CONDARM not ready + disarm (NULL)", n, {
		iv_notify_arm(&conns[0], IV_NOTIFY_ACTION_CONDARM,
			      IV_NOTIFY_COND_INPUT, &ev);
		iv_notify_arm(&conns[0], IV_NOTIFY_ACTION_POLLARM,
			      IV_NOTIFY_COND_INPUT, NULL); });
	q.n = 1;
	W5_LOOP("POLLARM, ready", n,
		iv_notify_arm(&conns[0], IV_NOTIFY_ACTION_POLLARM,
			      IV_NOTIFY_COND_INPUT, &ev));
	W5_LOOP("CONDARM, ready", n,
		iv_notify_arm(&conns[0], IV_NOTIFY_ACTION_CONDARM,
			      IV_NOTIFY_COND_INPUT, &ev));
	q.n = 0;

	for (k = 0; k < sizeof(ks) / sizeof(ks[0]); k++) {
		long rounds = n / ks[k] + 1, r;
		uint64_t spent = 0, t0;
		char label[64];

		for (r = 0; r < rounds; r++) {
			for (i = 0; i < ks[k]; i++)
				iv_notify_arm(&conns[i],
					      IV_NOTIFY_ACTION_POLLARM,
					      IV_NOTIFY_COND_INPUT, &ev);
			t0 = now_ns();
			iv_notify_trigger(&q.src, 1, IV_NOTIFY_INPUT);
			spent += now_ns() - t0;
		}
		snprintf(label, sizeof(label), "trigger, %d armed (memory)",
			 ks[k]);
		printf("W5 %-34s %7.1f ns\n", label, (double)spent / rounds);
	}
	for (i = 0; i < 256; i++)
		iv_notify_close(&conns[i]);
	free(conns);
	bq_fini(&q);
}

int main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : "all";
	long scale = argc > 2 ? atol(argv[2]) : 1;
	static const int bursts[] = { 1, 16, 256 };
	static const int nqs[] = { 1, 64, 1024 };
	unsigned int i;
	int m;

	if (scale < 1)
		scale = 1;
	if (!strcmp(only, "all") || !strcmp(only, "w5"))
		w5(200000 * scale);
	if (!strcmp(only, "all") || !strcmp(only, "w1"))
		for (m = 0; m < M_COUNT; m++)
			w1(m, 20000 * scale);
	if (!strcmp(only, "all") || !strcmp(only, "w2"))
		for (i = 0; i < 3; i++)
			for (m = 0; m < M_COUNT; m++)
				w2(m, bursts[i], 200000 * scale);
	if (!strcmp(only, "all") || !strcmp(only, "w3"))
		for (i = 0; i < 3; i++)
			for (m = 0; m < M_COUNT; m++)
				if (m != M_COND)
					w3(m, nqs[i], 5000 * scale);
	return 0;
}
