/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B3b: one thread posts an iv_event to another loop as fast as it can. */

/*
 * Usage: b3_flood [seconds [pinned|unpinned]]   (defaults 1 unpinned)
 *
 * The poster thread calls iv_event_post on the receiver's event in a
 * tight loop for the given time, then sets a stop flag and posts once
 * more.  Posts to an event that is still pending coalesce, so the
 * receiver's handler runs far fewer times than there are posts; both
 * counts are reported.
 */

#include <iv.h>
#include <iv_event.h>
#include "bench_thread.h"

#define BATCH	1024

static struct iv_event ev;
static pthread_barrier_t ready;
static long handler_calls;
static long posts;
static double seconds;
static uint64_t elapsed_ns;
static int stop;
static int pin;

static void got(void *cookie)
{
	handler_calls++;
	if (__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
		iv_event_unregister(&ev);
}

long bench_region_post(uint64_t ns);

BENCH_REGION long bench_region_post(uint64_t ns)
{
	uint64_t t0 = bench_wall_ns();
	uint64_t t;
	long n = 0;

	do {
		int i;

		for (i = 0; i < BATCH; i++)
			iv_event_post(&ev);
		n += BATCH;
		t = bench_wall_ns();
	} while (t - t0 < ns);
	elapsed_ns = t - t0;

	return n;
}

static void *poster(void *arg)
{
	bench_maybe_pin(pin);
	iv_init();
	pthread_barrier_wait(&ready);
	posts = bench_region_post((uint64_t)(seconds * 1e9));
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	iv_event_post(&ev);
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
	pthread_t tp;

	seconds = argc > 1 ? atof(argv[1]) : 1.0;
	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	if (seconds <= 0) {
		fprintf(stderr, "usage: %s [seconds [pinned|unpinned]]\n",
			argv[0]);
		return 1;
	}

	bench_maybe_pin(pin);
	iv_init();
	IV_EVENT_INIT(&ev);
	ev.handler = got;
	if (iv_event_register(&ev) < 0)
		bench_die("iv_event_register");

	pthread_barrier_init(&ready, NULL, 2);
	if (pthread_create(&tp, NULL, poster, NULL))
		bench_die("pthread_create");
	pthread_barrier_wait(&ready);
	bench_region();
	pthread_join(tp, NULL);
	pthread_barrier_destroy(&ready);

	printf("bench=B3b lib=%s method=%s pin=%s posts_per_s=%.0f "
	       "posts=%ld handler_calls=%ld seconds=%.3f events=%ld\n",
	       bench_lib_name(), iv_poll_method_name(),
	       pin ? "pinned" : "unpinned", posts / (elapsed_ns / 1e9), posts,
	       handler_calls, elapsed_ns / 1e9, posts);

	iv_deinit();

	return 0;
}
