/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The B1-B4 workloads (workload.h) on libuv 1's public API. */

/*
 * Usage: bench_libuv PROGRAM ARGS...  (PROGRAM: an ivykis bench name)
 *
 * The libuv idioms used: uv_poll_t read watchers on the raw sockets (B1);
 * uv_timer_start / uv_timer_stop with millisecond timeouts, and
 * uv_timer_start on an active timer to re-arm it (B2); uv_async_t with
 * uv_async_send, one loop per thread (B3); uv_idle_t handles, which run
 * once per loop iteration while active (B4 and the B2c driver).
 */

#include <uv.h>
#define WL_ADAPTER
#include "bench_thread.h"
#include "workload.h"

#define LIB	"libuv"
#define METHOD	"epoll"

static uv_loop_t loop;

static void init_loop(uv_loop_t *l)
{
	if (uv_loop_init(l))
		bench_die("uv_loop_init");
}

static void close_loop(uv_loop_t *l)
{
	uv_run(l, UV_RUN_DEFAULT);	/* lets the close callbacks run */
	if (uv_loop_close(l))
		fprintf(stderr, "uv_loop_close: handles left\n");
}

/* ---- B1 ---- */

static void b1_readable(uv_poll_t *h, int status, int events)
{
	if (wl_b1_readable((long)h->data))
		uv_stop(h->loop);
}

static long b1_round(void)
{
	wl_b1_start_round();
	uv_run(&loop, UV_RUN_DEFAULT);

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
	uv_poll_t *io;
	uint64_t t0;
	long events;
	int rounds;
	int n;
	int i;

	n = wl_b1_setup(argc, argv, &rounds);
	init_loop(&loop);
	io = calloc(n, sizeof(*io));
	if (io == NULL)
		bench_die("calloc");
	for (i = 0; i < n; i++) {
		uv_poll_init(&loop, &io[i], wl_b1.rfd[i]);
		io[i].data = (void *)(long)i;
		uv_poll_start(&io[i], UV_READABLE, b1_readable);
	}

	b1_round();
	t0 = bench_wall_ns();
	events = bench_region_b1(rounds);
	wl_report_b1(LIB, METHOD, bench_wall_ns() - t0, events);

	for (i = 0; i < n; i++)
		uv_close((uv_handle_t *)&io[i], NULL);
	close_loop(&loop);
	free(io);
	wl_b1_teardown();

	return 0;
}

/* ---- B2 ---- */

static uv_timer_t *timers;
static long nfired;
static uv_idle_t rearm_idle;
static long resets_left;

static void timer_fired(uv_timer_t *t)
{
	nfired++;
}

static void arm(long i)
{
	uv_timer_start(&timers[i], timer_fired,
		       wl_b2.offset_ns[i] / 1000000, 0);
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
			uv_timer_stop(&timers[i]);
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
	uv_run(&loop, UV_RUN_DEFAULT);

	return nfired;
}

static void rearm(uv_idle_t *h)
{
	int i;

	for (i = 0; i < WL_B2C_PER_ITERATION && resets_left > 0; i++) {
		uv_timer_start(&timers[wl_b2c_next()], timer_fired,
			       WL_B2C_IDLE_S * 1000, 0);
		resets_left--;
	}
	if (resets_left == 0) {
		uv_idle_stop(h);
		uv_stop(h->loop);
	}
}

long bench_region_reset(long n);

BENCH_REGION long bench_region_reset(long n)
{
	resets_left = n;
	uv_idle_start(&rearm_idle, rearm);
	uv_run(&loop, UV_RUN_DEFAULT);

	return n - resets_left;
}

int wl_b2_main(int argc, char **argv)
{
	uint64_t t0;
	long done;
	long i;

	wl_b2_setup(argc, argv);
	init_loop(&loop);
	timers = calloc(wl_b2.m, sizeof(*timers));
	if (timers == NULL)
		bench_die("calloc");
	for (i = 0; i < wl_b2.m; i++)
		uv_timer_init(&loop, &timers[i]);

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
		for (i = 0; i < wl_b2.m; i++)
			arm(i);
		uv_idle_init(&loop, &rearm_idle);
		bench_region_reset(wl_b2.m);
		t0 = bench_wall_ns();
		done = bench_region_reset(wl_b2.resets);
		t0 = bench_wall_ns() - t0;
		uv_close((uv_handle_t *)&rearm_idle, NULL);
	}
	wl_report_b2(LIB, METHOD, t0, done);

	for (i = 0; i < wl_b2.m; i++)
		uv_close((uv_handle_t *)&timers[i], NULL);
	close_loop(&loop);
	free(timers);
	free(wl_b2.offset_ns);

	return 0;
}

/* ---- B3 ---- */

static uv_loop_t loop_b;
static uv_async_t ev_a;
static uv_async_t ev_b;
static pthread_barrier_t ready;
static long rounds_left;
static long rounds_done;
static int stop;
static int pin;

static void a_got(uv_async_t *h)
{
	rounds_done++;
	if (--rounds_left > 0) {
		uv_async_send(&ev_b);
		return;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	uv_close((uv_handle_t *)h, NULL);
	uv_async_send(&ev_b);
}

static void b_got(uv_async_t *h)
{
	if (__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
		uv_close((uv_handle_t *)h, NULL);
	else
		uv_async_send(&ev_a);
}

void bench_region_peer(void);

BENCH_REGION void bench_region_peer(void)
{
	uv_run(&loop_b, UV_RUN_DEFAULT);
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
	uv_async_send(&ev_b);
	uv_run(&loop, UV_RUN_DEFAULT);

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
	init_loop(&loop);
	init_loop(&loop_b);
	uv_async_init(&loop, &ev_a, a_got);
	uv_async_init(&loop_b, &ev_b, b_got);

	pthread_barrier_init(&ready, NULL, 2);
	if (pthread_create(&tb, NULL, thread_b, NULL))
		bench_die("pthread_create");
	pthread_barrier_wait(&ready);
	t0 = bench_wall_ns();
	done = bench_region_pingpong(r);
	t0 = bench_wall_ns() - t0;
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&ready);
	wl_report_b3a(LIB, METHOD, pin, t0, done);

	close_loop(&loop_b);
	close_loop(&loop);

	return 0;
}

struct poster {
	uv_async_t ev;
	pthread_t tid;
	long posts;
	uint64_t elapsed_ns;
	int stop;
};

static struct poster posters[WL_B3B_MAX_THREADS];
static long handler_calls;
static double seconds;

static void flood_got(uv_async_t *h)
{
	struct poster *p = h->data;

	handler_calls++;
	if (__atomic_load_n(&p->stop, __ATOMIC_ACQUIRE))
		uv_close((uv_handle_t *)h, NULL);
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
			uv_async_send(&p->ev);
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
	uv_async_send(&p->ev);

	return NULL;
}

void bench_region_receive(void);

BENCH_REGION void bench_region_receive(void)
{
	uv_run(&loop, UV_RUN_DEFAULT);
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
	init_loop(&loop);
	for (i = 0; i < threads; i++) {
		uv_async_init(&loop, &posters[i].ev, flood_got);
		posters[i].ev.data = &posters[i];
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
	wl_report_b3b(LIB, METHOD, pin, threads, posts, handler_calls,
		      elapsed);
	close_loop(&loop);

	return 0;
}

/* ---- B4 ---- */

static long left;
static uv_poll_t idle_io;

static void idle_readable(uv_poll_t *h, int status, int events)
{
}

static void task_run(uv_idle_t *h)
{
	if (--left > 0)
		return;		/* an active uv_idle_t runs again next time */
	uv_idle_stop(h);
	if (left == 0)
		uv_poll_stop(&idle_io);
}

long bench_region_tasks(uv_idle_t *tasks, long k, long callbacks);

BENCH_REGION long bench_region_tasks(uv_idle_t *tasks, long k,
				     long callbacks)
{
	long i;

	left = callbacks;
	for (i = 0; i < k; i++)
		uv_idle_start(&tasks[i], task_run);
	uv_run(&loop, UV_RUN_DEFAULT);

	return callbacks - (left > 0 ? left : 0);
}

int wl_b4_main(int argc, char **argv)
{
	uv_idle_t *tasks;
	long n;
	long k = wl_b4_args(argc, argv, &n);
	uint64_t t0;
	long done;
	int p[2];
	long i;

	init_loop(&loop);
	if (pipe(p) < 0)
		bench_die("pipe");
	uv_poll_init(&loop, &idle_io, p[0]);
	uv_poll_start(&idle_io, UV_READABLE, idle_readable);
	tasks = calloc(k, sizeof(*tasks));
	if (tasks == NULL)
		bench_die("calloc");
	for (i = 0; i < k; i++)
		uv_idle_init(&loop, &tasks[i]);

	t0 = bench_wall_ns();
	done = bench_region_tasks(tasks, k, n);
	t0 = bench_wall_ns() - t0;
	wl_report_b4(LIB, METHOD, k, t0, done);

	for (i = 0; i < k; i++)
		uv_close((uv_handle_t *)&tasks[i], NULL);
	uv_close((uv_handle_t *)&idle_io, NULL);
	close_loop(&loop);
	free(tasks);
	close(p[0]);
	close(p[1]);

	return 0;
}

int main(int argc, char **argv)
{
	return wl_dispatch(argc, argv);
}
