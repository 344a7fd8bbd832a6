/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B3b: poster threads post iv_events to another loop as fast as they can. */

/*
 * Usage: b3_flood [seconds [pinned|unpinned [T]]]   (defaults 1 unpinned 1)
 *
 * Each of T poster threads (B3b proper is T = 1; the scale series goes
 * up to 64) owns one iv_event registered on the receiving loop and calls
 * iv_event_post on it in a tight loop for the given time, then sets its
 * stop flag and posts once more.  Posts to an event that is still pending
 * coalesce, so the receiver's handlers run far fewer times than there
 * are posts; both counts are reported, posts/s over all posters.
 */

#include <iv.h>
#include <iv_event.h>
#include "bench_thread.h"
#include "workload.h"

struct poster {
	struct iv_event ev;
	pthread_t tid;
	long posts;
	uint64_t elapsed_ns;
	int stop;
};

static struct poster posters[WL_B3B_MAX_THREADS];
static pthread_barrier_t ready;
static long handler_calls;
static double seconds;
static int pin;

static void got(void *cookie)
{
	struct poster *p = cookie;

	handler_calls++;
	if (__atomic_load_n(&p->stop, __ATOMIC_ACQUIRE))
		iv_event_unregister(&p->ev);
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
			iv_event_post(&p->ev);
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
	iv_init();
	pthread_barrier_wait(&ready);
	p->posts = bench_region_post(p, (uint64_t)(seconds * 1e9));
	__atomic_store_n(&p->stop, 1, __ATOMIC_RELEASE);
	iv_event_post(&p->ev);
	iv_deinit();

	return NULL;
}

void bench_region(void);

BENCH_REGION void bench_region(void)
{
	iv_main();
}

int main(int argc, char **argv)
{
	uint64_t elapsed = 0;
	long posts = 0;
	int threads;
	int i;

	seconds = wl_b3b_seconds(argc, argv, &threads);
	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);

	bench_maybe_pin(pin);
	iv_init();
	for (i = 0; i < threads; i++) {
		IV_EVENT_INIT(&posters[i].ev);
		posters[i].ev.cookie = &posters[i];
		posters[i].ev.handler = got;
		if (iv_event_register(&posters[i].ev) < 0)
			bench_die("iv_event_register");
	}

	pthread_barrier_init(&ready, NULL, threads + 1);
	for (i = 0; i < threads; i++)
		if (pthread_create(&posters[i].tid, NULL, poster, &posters[i]))
			bench_die("pthread_create");
	pthread_barrier_wait(&ready);
	bench_region();
	for (i = 0; i < threads; i++) {
		pthread_join(posters[i].tid, NULL);
		posts += posters[i].posts;
		if (posters[i].elapsed_ns > elapsed)
			elapsed = posters[i].elapsed_ns;
	}
	pthread_barrier_destroy(&ready);

	wl_report_b3b(bench_lib_name(), iv_poll_method_name(), pin, threads,
		      posts, handler_calls, elapsed);

	iv_deinit();

	return 0;
}
