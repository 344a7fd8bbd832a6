/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The B1-B4 workloads (workload.h) on libevent 2.1's public API. */

/*
 * Usage: bench_libevent PROGRAM ARGS...  (PROGRAM: an ivykis bench name)
 *
 * The libevent idioms used: persistent EV_READ events (B1); evtimer_add /
 * evtimer_del with relative timeouts, and evtimer_add on a pending timer
 * to re-arm it (B2); event_active on another thread's base with
 * evthread_use_pthreads (B3); an event with no fd that event_active's
 * itself from its callback (B4 and the B2c driver).
 */

#include <event2/event.h>
#include <event2/thread.h>
#define WL_ADAPTER
#include "bench_thread.h"
#include "workload.h"

#define LIB	"libevent"

static struct event_base *base;

static struct timeval ns_to_tv(uint64_t ns)
{
	struct timeval tv;

	tv.tv_sec = ns / 1000000000ULL;
	tv.tv_usec = (ns % 1000000000ULL) / 1000;

	return tv;
}

static struct event_base *new_base(void)
{
	struct event_base *b = event_base_new();

	if (b == NULL)
		bench_die("event_base_new");

	return b;
}

/* ---- B1 ---- */

static void b1_readable(evutil_socket_t fd, short what, void *cookie)
{
	if (wl_b1_readable((long)cookie))
		event_base_loopbreak(base);
}

static long b1_round(void)
{
	wl_b1_start_round();
	event_base_loop(base, 0);

	return wl_b1.count;
}

long bench_region_b1(int rounds);

BENCH_REGION long bench_region_b1(int rounds)
{
	long events = 0;

	while (rounds--)
		events += b1_round();

	return events;
}

int wl_b1_main(int argc, char **argv)
{
	struct event **ev;
	uint64_t t0;
	long events;
	int rounds;
	int n;
	int i;

	n = wl_b1_setup(argc, argv, &rounds);
	base = new_base();
	ev = calloc(n, sizeof(*ev));
	if (ev == NULL)
		bench_die("calloc");
	for (i = 0; i < n; i++) {
		ev[i] = event_new(base, wl_b1.rfd[i], EV_READ | EV_PERSIST,
				  b1_readable, (void *)(long)i);
		event_add(ev[i], NULL);
	}

	b1_round();
	t0 = bench_wall_ns();
	events = bench_region_b1(rounds);
	wl_report_b1(LIB, event_base_get_method(base), bench_wall_ns() - t0,
		     events);

	for (i = 0; i < n; i++)
		event_free(ev[i]);
	free(ev);
	wl_b1_teardown();
	event_base_free(base);

	return 0;
}

/* ---- B2 ---- */

static struct event **timers;
static long nfired;
static struct event *rearm_ev;
static long resets_left;

static void timer_fired(evutil_socket_t fd, short what, void *cookie)
{
	nfired++;
}

long bench_region_churn(int rounds);

BENCH_REGION long bench_region_churn(int rounds)
{
	long ops = 0;
	long i;

	while (rounds--) {
		for (i = 0; i < wl_b2.m; i++) {
			struct timeval tv = ns_to_tv(wl_b2.offset_ns[i]);

			evtimer_add(timers[i], &tv);
		}
		for (i = 0; i < wl_b2.m; i++)
			evtimer_del(timers[i]);
		ops += wl_b2.m;
	}

	return ops;
}

long bench_region_fire(void);

BENCH_REGION long bench_region_fire(void)
{
	long i;

	for (i = 0; i < wl_b2.m; i++) {
		struct timeval tv = ns_to_tv(wl_b2.offset_ns[i]);

		evtimer_add(timers[i], &tv);
	}
	event_base_dispatch(base);

	return nfired;
}

static void rearm(evutil_socket_t fd, short what, void *cookie)
{
	struct timeval tv = { WL_B2C_IDLE_S, 0 };
	int i;

	for (i = 0; i < WL_B2C_PER_ITERATION && resets_left > 0; i++) {
		evtimer_add(timers[wl_b2c_next()], &tv);
		resets_left--;
	}
	if (resets_left > 0)
		event_active(rearm_ev, 0, 0);
	else
		event_base_loopbreak(base);
}

long bench_region_reset(long n);

BENCH_REGION long bench_region_reset(long n)
{
	resets_left = n;
	event_active(rearm_ev, 0, 0);
	event_base_dispatch(base);

	return n - resets_left;
}

int wl_b2_main(int argc, char **argv)
{
	uint64_t t0;
	long done;
	long i;

	wl_b2_setup(argc, argv);
	base = new_base();
	timers = calloc(wl_b2.m, sizeof(*timers));
	if (timers == NULL)
		bench_die("calloc");
	for (i = 0; i < wl_b2.m; i++)
		timers[i] = evtimer_new(base, timer_fired, NULL);

	if (wl_b2.mode == WL_CHURN) {
		bench_region_churn(1);
		t0 = bench_wall_ns();
		done = bench_region_churn(wl_b2.rounds);
		t0 = bench_wall_ns() - t0;
	} else if (wl_b2.mode == WL_FIRE) {
		t0 = bench_cpu_ns();
		done = bench_region_fire();
		t0 = bench_cpu_ns() - t0;
		if (done != wl_b2.m) {
			fprintf(stderr, "only %ld timers fired\n", done);
			return 1;
		}
	} else {
		for (i = 0; i < wl_b2.m; i++) {
			struct timeval tv = ns_to_tv(wl_b2.offset_ns[i]);

			evtimer_add(timers[i], &tv);
		}
		rearm_ev = event_new(base, -1, 0, rearm, NULL);
		bench_region_reset(wl_b2.m);
		t0 = bench_wall_ns();
		done = bench_region_reset(wl_b2.resets);
		t0 = bench_wall_ns() - t0;
		event_free(rearm_ev);
	}
	wl_report_b2(LIB, event_base_get_method(base), t0, done);

	for (i = 0; i < wl_b2.m; i++)
		event_free(timers[i]);
	free(timers);
	free(wl_b2.offset_ns);
	event_base_free(base);

	return 0;
}

/* ---- B3 ---- */

static struct event_base *base_b;
static struct event *ev_a;
static struct event *ev_b;
static pthread_barrier_t ready;
static long rounds_left;
static long rounds_done;
static int stop;
static int pin;

static void a_got(evutil_socket_t fd, short what, void *cookie)
{
	rounds_done++;
	if (--rounds_left > 0) {
		event_active(ev_b, 0, 0);
		return;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	event_base_loopbreak(base);
	event_active(ev_b, 0, 0);
}

static void b_got(evutil_socket_t fd, short what, void *cookie)
{
	if (__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
		event_base_loopbreak(base_b);
	else
		event_active(ev_a, 0, 0);
}

void bench_region_peer(void);

BENCH_REGION void bench_region_peer(void)
{
	event_base_loop(base_b, EVLOOP_NO_EXIT_ON_EMPTY);
}

static void *thread_b(void *arg)
{
	bench_maybe_pin(pin);
	pthread_barrier_wait(&ready);
	bench_region_peer();

	return NULL;
}

long bench_region_pingpong(long r);

BENCH_REGION long bench_region_pingpong(long r)
{
	rounds_left = r;
	event_active(ev_b, 0, 0);
	event_base_loop(base, EVLOOP_NO_EXIT_ON_EMPTY);

	return rounds_done;
}

int wl_b3a_main(int argc, char **argv)
{
	long r = wl_b3a_rounds(argc, argv);
	pthread_t tb;
	uint64_t t0;
	long done;

	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	evthread_use_pthreads();
	bench_maybe_pin(pin);
	base = new_base();
	base_b = new_base();
	ev_a = event_new(base, -1, 0, a_got, NULL);
	ev_b = event_new(base_b, -1, 0, b_got, NULL);

	pthread_barrier_init(&ready, NULL, 2);
	if (pthread_create(&tb, NULL, thread_b, NULL))
		bench_die("pthread_create");
	pthread_barrier_wait(&ready);
	t0 = bench_wall_ns();
	done = bench_region_pingpong(r);
	t0 = bench_wall_ns() - t0;
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&ready);
	wl_report_b3a(LIB, event_base_get_method(base), pin, t0, done);

	event_free(ev_a);
	event_free(ev_b);
	event_base_free(base_b);
	event_base_free(base);

	return 0;
}

struct poster {
	struct event *ev;
	pthread_t tid;
	long posts;
	uint64_t elapsed_ns;
	int stop;
};

static struct poster posters[WL_B3B_MAX_THREADS];
static int nposters;
static int nstopped;
static long handler_calls;
static double seconds;

static void flood_got(evutil_socket_t fd, short what, void *cookie)
{
	struct poster *p = cookie;

	handler_calls++;
	if (__atomic_load_n(&p->stop, __ATOMIC_ACQUIRE) &&
	    ++nstopped == nposters)
		event_base_loopbreak(base);
}

long bench_region_post(struct poster *p, uint64_t ns);

BENCH_REGION long bench_region_post(struct poster *p, uint64_t ns)
{
	uint64_t t0 = bench_wall_ns();
	uint64_t t;
	long n = 0;

	do {
		int i;

		for (i = 0; i < WL_B3B_BATCH; i++)
			event_active(p->ev, 0, 0);
		n += WL_B3B_BATCH;
		t = bench_wall_ns();
	} while (t - t0 < ns);
	p->elapsed_ns = t - t0;

	return n;
}

static void *poster(void *arg)
{
	struct poster *p = arg;

	bench_maybe_pin(pin);
	pthread_barrier_wait(&ready);
	p->posts = bench_region_post(p, (uint64_t)(seconds * 1e9));
	__atomic_store_n(&p->stop, 1, __ATOMIC_RELEASE);
	event_active(p->ev, 0, 0);

	return NULL;
}

void bench_region_receive(void);

BENCH_REGION void bench_region_receive(void)
{
	event_base_loop(base, EVLOOP_NO_EXIT_ON_EMPTY);
}

int wl_b3b_main(int argc, char **argv)
{
	uint64_t elapsed = 0;
	long posts = 0;
	int i;

	seconds = wl_b3b_seconds(argc, argv, &nposters);
	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	evthread_use_pthreads();
	bench_maybe_pin(pin);
	base = new_base();
	for (i = 0; i < nposters; i++)
		posters[i].ev = event_new(base, -1, 0, flood_got, &posters[i]);

	pthread_barrier_init(&ready, NULL, nposters + 1);
	for (i = 0; i < nposters; i++)
		if (pthread_create(&posters[i].tid, NULL, poster, &posters[i]))
			bench_die("pthread_create");
	pthread_barrier_wait(&ready);
	bench_region_receive();
	for (i = 0; i < nposters; i++) {
		pthread_join(posters[i].tid, NULL);
		posts += posters[i].posts;
		if (posters[i].elapsed_ns > elapsed)
			elapsed = posters[i].elapsed_ns;
		event_free(posters[i].ev);
	}
	pthread_barrier_destroy(&ready);
	wl_report_b3b(LIB, event_base_get_method(base), pin, nposters, posts,
		      handler_calls, elapsed);
	event_base_free(base);

	return 0;
}

/* ---- B4 ---- */

static long left;
static struct event *idle_ev;

static void idle_readable(evutil_socket_t fd, short what, void *cookie)
{
}

static void task_run(evutil_socket_t fd, short what, void *cookie)
{
	struct event *self = *(struct event **)cookie;

	if (--left > 0) {
		event_active(self, 0, 0);
		return;
	}
	if (left == 0)
		event_del(idle_ev);
}

long bench_region_tasks(struct event **tasks, long k, long callbacks);

BENCH_REGION long bench_region_tasks(struct event **tasks, long k,
				     long callbacks)
{
	long i;

	left = callbacks;
	for (i = 0; i < k; i++)
		event_active(tasks[i], 0, 0);
	event_base_dispatch(base);

	return callbacks - (left > 0 ? left : 0);
}

int wl_b4_main(int argc, char **argv)
{
	struct event **tasks;
	long n;
	long k = wl_b4_args(argc, argv, &n);
	uint64_t t0;
	long done;
	int p[2];
	long i;

	base = new_base();
	if (pipe(p) < 0)
		bench_die("pipe");
	idle_ev = event_new(base, p[0], EV_READ | EV_PERSIST, idle_readable,
			    NULL);
	event_add(idle_ev, NULL);
	tasks = calloc(k, sizeof(*tasks));
	if (tasks == NULL)
		bench_die("calloc");
	for (i = 0; i < k; i++)
		tasks[i] = event_new(base, -1, 0, task_run, &tasks[i]);

	t0 = bench_wall_ns();
	done = bench_region_tasks(tasks, k, n);
	t0 = bench_wall_ns() - t0;
	wl_report_b4(LIB, event_base_get_method(base), k, t0, done);

	for (i = 0; i < k; i++)
		event_free(tasks[i]);
	free(tasks);
	event_free(idle_ev);
	close(p[0]);
	close(p[1]);
	event_base_free(base);

	return 0;
}

int main(int argc, char **argv)
{
	return wl_dispatch(argc, argv);
}
