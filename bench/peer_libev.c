/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The B1-B4 workloads (workload.h) on libev 4's public API. */

/*
 * Usage: bench_libev PROGRAM ARGS...  (PROGRAM: an ivykis bench name)
 *
 * The libev idioms used: ev_io read watchers (B1); ev_timer_start /
 * ev_timer_stop, and ev_timer_again with a 10 s repeat as the idle-timeout
 * re-arm (B2); ev_async with ev_async_send, one loop per thread (B3);
 * ev_idle watchers, which run once per loop iteration while active (B4
 * and the B2c driver).
 */

#include <ev.h>
#define WL_ADAPTER
#include "bench_thread.h"
#include "workload.h"

#define LIB	"libev"

static struct ev_loop *loop;

static struct ev_loop *new_loop(void)
{
	struct ev_loop *l = ev_loop_new(EVFLAG_AUTO);

	if (l == NULL)
		bench_die("ev_loop_new");

	return l;
}

static const char *method(struct ev_loop *l)
{
	switch (ev_backend(l)) {
	case EVBACKEND_EPOLL: return "epoll";
	case EVBACKEND_POLL: return "poll";
	case EVBACKEND_SELECT: return "select";
	default: return "other";
	}
}

/* ---- B1 ---- */

static void b1_readable(struct ev_loop *l, ev_io *w, int revents)
{
	if (wl_b1_readable((long)w->data))
		ev_break(l, EVBREAK_ONE);
}

static long b1_round(void)
{
	wl_b1_start_round();
	ev_run(loop, 0);

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
	ev_io *io;
	uint64_t t0;
	long events;
	int rounds;
	int n;
	int i;

	n = wl_b1_setup(argc, argv, &rounds);
	loop = new_loop();
	io = calloc(n, sizeof(*io));
	if (io == NULL)
		bench_die("calloc");
	for (i = 0; i < n; i++) {
		ev_io_init(&io[i], b1_readable, wl_b1.rfd[i], EV_READ);
		io[i].data = (void *)(long)i;
		ev_io_start(loop, &io[i]);
	}

	b1_round();
	t0 = bench_wall_ns();
	events = bench_region_b1(rounds);
	wl_report_b1(LIB, method(loop), bench_wall_ns() - t0, events);

	for (i = 0; i < n; i++)
		ev_io_stop(loop, &io[i]);
	free(io);
	wl_b1_teardown();
	ev_loop_destroy(loop);

	return 0;
}

/* ---- B2 ---- */

static ev_timer *timers;
static long nfired;
static ev_idle rearm_idle;
static long resets_left;

static void timer_fired(struct ev_loop *l, ev_timer *w, int revents)
{
	nfired++;
}

static void arm(long i)
{
	ev_timer_set(&timers[i], wl_b2.offset_ns[i] / 1e9, 0.);
	ev_timer_start(loop, &timers[i]);
}

long bench_region_churn(int rounds);

BENCH_REGION long bench_region_churn(int rounds)
{
	long ops = 0;
	long i;

	while (rounds--) {
		for (i = 0; i < wl_b2.m; i++)
			arm(i);
		for (i = 0; i < wl_b2.m; i++)
			ev_timer_stop(loop, &timers[i]);
		ops += wl_b2.m;
	}

	return ops;
}

long bench_region_fire(void);

BENCH_REGION long bench_region_fire(void)
{
	long i;

	for (i = 0; i < wl_b2.m; i++)
		arm(i);
	ev_run(loop, 0);

	return nfired;
}

static void rearm(struct ev_loop *l, ev_idle *w, int revents)
{
	int i;

	for (i = 0; i < WL_B2C_PER_ITERATION && resets_left > 0; i++) {
		ev_timer_again(l, &timers[wl_b2c_next()]);
		resets_left--;
	}
	if (resets_left == 0) {
		ev_idle_stop(l, w);
		ev_break(l, EVBREAK_ONE);
	}
}

long bench_region_reset(long n);

BENCH_REGION long bench_region_reset(long n)
{
	resets_left = n;
	ev_idle_start(loop, &rearm_idle);
	ev_run(loop, 0);

	return n - resets_left;
}

int wl_b2_main(int argc, char **argv)
{
	uint64_t t0;
	long done;
	long i;

	wl_b2_setup(argc, argv);
	loop = new_loop();
	timers = calloc(wl_b2.m, sizeof(*timers));
	if (timers == NULL)
		bench_die("calloc");
	for (i = 0; i < wl_b2.m; i++)
		ev_timer_init(&timers[i], timer_fired, 0., 0.);

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
			arm(i);
			timers[i].repeat = WL_B2C_IDLE_S;
		}
		ev_idle_init(&rearm_idle, rearm);
		bench_region_reset(wl_b2.m);
		t0 = bench_wall_ns();
		done = bench_region_reset(wl_b2.resets);
		t0 = bench_wall_ns() - t0;
		for (i = 0; i < wl_b2.m; i++)
			ev_timer_stop(loop, &timers[i]);
	}
	wl_report_b2(LIB, method(loop), t0, done);

	free(timers);
	free(wl_b2.offset_ns);
	ev_loop_destroy(loop);

	return 0;
}

/* ---- B3 ---- */

static struct ev_loop *loop_b;
static ev_async ev_a;
static ev_async ev_b;
static pthread_barrier_t ready;
static long rounds_left;
static long rounds_done;
static int stop;
static int pin;

static void a_got(struct ev_loop *l, ev_async *w, int revents)
{
	rounds_done++;
	if (--rounds_left > 0) {
		ev_async_send(loop_b, &ev_b);
		return;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	ev_async_stop(l, w);
	ev_async_send(loop_b, &ev_b);
}

static void b_got(struct ev_loop *l, ev_async *w, int revents)
{
	if (__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
		ev_async_stop(l, w);
	else
		ev_async_send(loop, &ev_a);
}

void bench_region_peer(void);

BENCH_REGION void bench_region_peer(void)
{
	ev_run(loop_b, 0);
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
	ev_async_send(loop_b, &ev_b);
	ev_run(loop, 0);

	return rounds_done;
}

int wl_b3a_main(int argc, char **argv)
{
	long r = wl_b3a_rounds(argc, argv);
	pthread_t tb;
	uint64_t t0;
	long done;

	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	bench_maybe_pin(pin);
	loop = new_loop();
	loop_b = new_loop();
	ev_async_init(&ev_a, a_got);
	ev_async_start(loop, &ev_a);
	ev_async_init(&ev_b, b_got);
	ev_async_start(loop_b, &ev_b);

	pthread_barrier_init(&ready, NULL, 2);
	if (pthread_create(&tb, NULL, thread_b, NULL))
		bench_die("pthread_create");
	pthread_barrier_wait(&ready);
	t0 = bench_wall_ns();
	done = bench_region_pingpong(r);
	t0 = bench_wall_ns() - t0;
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&ready);
	wl_report_b3a(LIB, method(loop), pin, t0, done);

	ev_loop_destroy(loop_b);
	ev_loop_destroy(loop);

	return 0;
}

struct poster {
	ev_async ev;
	pthread_t tid;
	long posts;
	uint64_t elapsed_ns;
	int stop;
};

static struct poster posters[WL_B3B_MAX_THREADS];
static long handler_calls;
static double seconds;

static void flood_got(struct ev_loop *l, ev_async *w, int revents)
{
	struct poster *p = w->data;

	handler_calls++;
	if (__atomic_load_n(&p->stop, __ATOMIC_ACQUIRE))
		ev_async_stop(l, w);
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
			ev_async_send(loop, &p->ev);
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
	ev_async_send(loop, &p->ev);

	return NULL;
}

void bench_region_receive(void);

BENCH_REGION void bench_region_receive(void)
{
	ev_run(loop, 0);
}

int wl_b3b_main(int argc, char **argv)
{
	uint64_t elapsed = 0;
	long posts = 0;
	int threads;
	int i;

	seconds = wl_b3b_seconds(argc, argv, &threads);
	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	bench_maybe_pin(pin);
	loop = new_loop();
	for (i = 0; i < threads; i++) {
		ev_async_init(&posters[i].ev, flood_got);
		posters[i].ev.data = &posters[i];
		ev_async_start(loop, &posters[i].ev);
	}

	pthread_barrier_init(&ready, NULL, threads + 1);
	for (i = 0; i < threads; i++)
		if (pthread_create(&posters[i].tid, NULL, poster, &posters[i]))
			bench_die("pthread_create");
	pthread_barrier_wait(&ready);
	bench_region_receive();
	for (i = 0; i < threads; i++) {
		pthread_join(posters[i].tid, NULL);
		posts += posters[i].posts;
		if (posters[i].elapsed_ns > elapsed)
			elapsed = posters[i].elapsed_ns;
	}
	pthread_barrier_destroy(&ready);
	wl_report_b3b(LIB, method(loop), pin, threads, posts, handler_calls,
		      elapsed);
	ev_loop_destroy(loop);

	return 0;
}

/* ---- B4 ---- */

static long left;
static ev_io idle_io;

static void idle_readable(struct ev_loop *l, ev_io *w, int revents)
{
}

static void task_run(struct ev_loop *l, ev_idle *w, int revents)
{
	if (--left > 0)
		return;		/* an active ev_idle runs again next time */
	ev_idle_stop(l, w);
	if (left == 0)
		ev_io_stop(l, &idle_io);
}

long bench_region_tasks(ev_idle *tasks, long k, long callbacks);

BENCH_REGION long bench_region_tasks(ev_idle *tasks, long k, long callbacks)
{
	long i;

	left = callbacks;
	for (i = 0; i < k; i++)
		ev_idle_start(loop, &tasks[i]);
	ev_run(loop, 0);

	return callbacks - (left > 0 ? left : 0);
}

int wl_b4_main(int argc, char **argv)
{
	ev_idle *tasks;
	long n;
	long k = wl_b4_args(argc, argv, &n);
	uint64_t t0;
	long done;
	int p[2];
	long i;

	loop = new_loop();
	if (pipe(p) < 0)
		bench_die("pipe");
	ev_io_init(&idle_io, idle_readable, p[0], EV_READ);
	ev_io_start(loop, &idle_io);
	tasks = calloc(k, sizeof(*tasks));
	if (tasks == NULL)
		bench_die("calloc");
	for (i = 0; i < k; i++)
		ev_idle_init(&tasks[i], task_run);

	t0 = bench_wall_ns();
	done = bench_region_tasks(tasks, k, n);
	t0 = bench_wall_ns() - t0;
	wl_report_b4(LIB, method(loop), k, t0, done);

	free(tasks);
	close(p[0]);
	close(p[1]);
	ev_loop_destroy(loop);

	return 0;
}

int main(int argc, char **argv)
{
	return wl_dispatch(argc, argv);
}
