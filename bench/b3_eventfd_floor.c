/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B3a floor: the same ping-pong with two raw eventfds and no library. */

/*
 * Usage: b3_eventfd_floor [R [pinned|unpinned]]   (defaults 100000 unpinned)
 *
 * Each thread blocks in read(2) on its own eventfd and answers with a
 * write(2) to the other one.  No event loop can do a round trip with
 * fewer system calls, so this is the floor for B3a.
 */

#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "bench_thread.h"

static int efd_a;
static int efd_b;
static long rounds;
static int pin;

static void wait_for(int fd)
{
	uint64_t v;

	if (read(fd, &v, sizeof(v)) != sizeof(v))
		bench_die("read");
}

static void kick(int fd)
{
	uint64_t v = 1;

	if (write(fd, &v, sizeof(v)) != sizeof(v))
		bench_die("write");
}

void bench_region_peer(void);

BENCH_REGION void bench_region_peer(void)
{
	long i;

	for (i = 0; i < rounds; i++) {
		wait_for(efd_b);
		kick(efd_a);
	}
}

static void *thread_b(void *arg)
{
	bench_maybe_pin(pin);
	bench_region_peer();

	return NULL;
}

long bench_region(void);

BENCH_REGION long bench_region(void)
{
	long i;

	for (i = 0; i < rounds; i++) {
		kick(efd_b);
		wait_for(efd_a);
	}

	return rounds;
}

int main(int argc, char **argv)
{
	pthread_t tb;
	uint64_t t0;
	uint64_t t1;
	long done;

	rounds = argc > 1 ? atol(argv[1]) : 100000;
	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	if (rounds < 1) {
		fprintf(stderr, "usage: %s [R [pinned|unpinned]]\n", argv[0]);
		return 1;
	}

	bench_maybe_pin(pin);
	efd_a = eventfd(0, EFD_CLOEXEC);
	efd_b = eventfd(0, EFD_CLOEXEC);
	if (efd_a < 0 || efd_b < 0)
		bench_die("eventfd");
	if (pthread_create(&tb, NULL, thread_b, NULL))
		bench_die("pthread_create");

	t0 = bench_wall_ns();
	done = bench_region();
	t1 = bench_wall_ns();
	pthread_join(tb, NULL);

	printf("bench=B3a-floor lib=%s method=eventfd pin=%s "
	       "us_per_roundtrip=%.3f events=%ld\n", bench_lib_name(),
	       pin ? "pinned" : "unpinned", (double)(t1 - t0) / done / 1000.0,
	       done);

	close(efd_a);
	close(efd_b);

	return 0;
}
