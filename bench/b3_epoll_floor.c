/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B3a reference: the ping-pong with two bare epoll loops and no library. */

/*
 * Usage: b3_epoll_floor [R [pinned|unpinned [mod|write]]]
 *        (defaults 100000 unpinned mod)
 *
 * Each thread blocks in epoll_wait(2) on its own epoll set, which holds
 * one eventfd, and wakes the other thread the way an event loop must:
 * "mod" re-arms the other side's readable, EPOLLONESHOT eventfd with
 * EPOLL_CTL_MOD (what Liana's iv_event does under epoll); "write" writes
 * to the other side's edge-triggered eventfd.  No epoll-based loop can do
 * a round trip with less kernel work, so the distance between this and
 * b3_eventfd_floor is what waiting in epoll costs, and the distance
 * between this and B3a is the library's own.
 */

#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "bench_thread.h"

static int efd[2];
static int epfd[2];
static long rounds;
static int pin;
static int by_write;

static void wait_for(int side)
{
	struct epoll_event ev;

	if (epoll_wait(epfd[side], &ev, 1, -1) != 1)
		bench_die("epoll_wait");
}

static void kick(int side)
{
	if (by_write) {
		uint64_t v = 1;

		if (write(efd[side], &v, sizeof(v)) != sizeof(v))
			bench_die("write");
	} else {
		struct epoll_event ev;

		memset(&ev, 0, sizeof(ev));
		ev.events = EPOLLIN | EPOLLONESHOT;
		if (epoll_ctl(epfd[side], EPOLL_CTL_MOD, efd[side], &ev) < 0)
			bench_die("epoll_ctl");
	}
}

void bench_region_peer(void);

BENCH_REGION void bench_region_peer(void)
{
	long i;

	for (i = 0; i < rounds; i++) {
		wait_for(1);
		kick(0);
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
		kick(1);
		wait_for(0);
	}

	return rounds;
}

static void setup(int side)
{
	struct epoll_event ev;
	uint64_t one = 1;

	efd[side] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	epfd[side] = epoll_create1(EPOLL_CLOEXEC);
	if (efd[side] < 0 || epfd[side] < 0)
		bench_die("eventfd/epoll_create1");

	/* "mod": readable for ever, registered disarmed; "write": edge-
	 * triggered and never read. */
	memset(&ev, 0, sizeof(ev));
	if (by_write) {
		ev.events = EPOLLIN | EPOLLET;
	} else if (write(efd[side], &one, sizeof(one)) != sizeof(one)) {
		bench_die("write");
	}
	if (epoll_ctl(epfd[side], EPOLL_CTL_ADD, efd[side], &ev) < 0)
		bench_die("epoll_ctl");
}

int main(int argc, char **argv)
{
	pthread_t tb;
	uint64_t t0;
	uint64_t t1;
	long done;

	rounds = argc > 1 ? atol(argv[1]) : 100000;
	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	by_write = argc > 3 && !strcmp(argv[3], "write");
	if (rounds < 1 || (argc > 3 && !by_write && strcmp(argv[3], "mod"))) {
		fprintf(stderr, "usage: %s [R [pinned|unpinned [mod|write]]]\n",
			argv[0]);
		return 1;
	}

	bench_maybe_pin(pin);
	setup(0);
	setup(1);
	if (pthread_create(&tb, NULL, thread_b, NULL))
		bench_die("pthread_create");

	t0 = bench_wall_ns();
	done = bench_region();
	t1 = bench_wall_ns();
	pthread_join(tb, NULL);

	printf("bench=B3a-epoll-floor lib=%s method=%s pin=%s "
	       "us_per_roundtrip=%.3f events=%ld\n", bench_lib_name(),
	       by_write ? "epoll-write" : "epoll-mod",
	       pin ? "pinned" : "unpinned", (double)(t1 - t0) / done / 1000.0,
	       done);

	for (int side = 0; side < 2; side++) {
		close(epfd[side]);
		close(efd[side]);
	}

	return 0;
}
