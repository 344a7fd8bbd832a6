/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B3a: two threads, each with its own loop, bounce an iv_event. */

/*
 * Usage: b3_pingpong [R [pinned|unpinned]]   (defaults 100000 unpinned)
 *
 * Thread A posts B's event; B's handler posts A's event; that is one
 * round trip.  After R of them A tells B to stop and both loops end.
 * "pinned" puts both threads on CPU 0.  The measured code of both
 * threads runs inside functions named bench_region*, so that callgrind
 * counts the instructions of both sides of each round trip.
 */

#include <iv.h>
#include <iv_event.h>
#include "bench_thread.h"
#include "workload.h"

static struct iv_event ev_a;
static struct iv_event ev_b;
static pthread_barrier_t ready;
static long rounds_left;
static long rounds_done;
static int stop;
static int pin;

static void a_got(void *cookie)
{
	rounds_done++;
	if (--rounds_left > 0) {
		iv_event_post(&ev_b);
		return;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	iv_event_unregister(&ev_a);
	iv_event_post(&ev_b);
}

static void b_got(void *cookie)
{
	if (__atomic_load_n(&stop, __ATOMIC_ACQUIRE))
		iv_event_unregister(&ev_b);
	else
		iv_event_post(&ev_a);
}

void bench_region_peer(void);

BENCH_REGION void bench_region_peer(void)
{
	iv_main();
}

static void *thread_b(void *arg)
{
	bench_maybe_pin(pin);
	iv_init();
	IV_EVENT_INIT(&ev_b);
	ev_b.handler = b_got;
	if (iv_event_register(&ev_b) < 0)
		bench_die("iv_event_register");
	pthread_barrier_wait(&ready);
	bench_region_peer();
	iv_deinit();

	return NULL;
}

long bench_region(long r);

BENCH_REGION long bench_region(long r)
{
	rounds_left = r;
	iv_event_post(&ev_b);
	iv_main();

	return rounds_done;
}

int main(int argc, char **argv)
{
	long r = wl_b3a_rounds(argc, argv);
	pthread_t tb;
	uint64_t t0;
	uint64_t t1;
	long done;

	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	bench_maybe_pin(pin);
	iv_init();
	IV_EVENT_INIT(&ev_a);
	ev_a.handler = a_got;
	if (iv_event_register(&ev_a) < 0)
		bench_die("iv_event_register");

	pthread_barrier_init(&ready, NULL, 2);
	if (pthread_create(&tb, NULL, thread_b, NULL))
		bench_die("pthread_create");
	pthread_barrier_wait(&ready);

	t0 = bench_wall_ns();
	done = bench_region(r);
	t1 = bench_wall_ns();
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&ready);

	wl_report_b3a(bench_lib_name(), iv_poll_method_name(), pin, t1 - t0,
		      done);

	iv_deinit();

	return 0;
}
