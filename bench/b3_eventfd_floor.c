/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B3a floor: the same ping-pong with raw eventfds and no library. */

/*
 * Usage: b3_eventfd_floor [R [pinned|unpinned [read|mod|write [KD [WD]]]]]
 *        (defaults 100000 unpinned read 0 0)
 *
 * read:  each thread blocks in read(2) on its own eventfd and answers
 *        with a write(2) to the other one.  No event loop can do a round
 *        trip with fewer system calls, so this is the floor for B3a.
 * mod:   each thread blocks in epoll_wait(2) on its own epoll set, which
 *        holds one eventfd, kept readable and registered EPOLLONESHOT
 *        without events; the other thread wakes it by re-arming that
 *        eventfd with EPOLL_CTL_MOD (what iv_event does under epoll).
 * write: the same epoll sets, the eventfd edge-triggered and never read,
 *        woken by a write(2).
 * The epoll modes are what waiting in epoll_wait costs by itself, with no
 * library: their distance to "read" is the kernel's, and B3a's distance
 * to them is the library's own.
 *
 * KD, WD: make each wake-up (KD) and each wait (WD) through that many
 * extra nested calls, as a library's loop and handlers would.  When a
 * thread is switched out inside the system call, every return it makes
 * afterwards pays for the kernel's refill of the return stack buffer:
 * this measures what a frame costs (docs/ARCHITECTURE.md, "Call depth").
 */

#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "bench_thread.h"

enum { WAIT_READ, WAIT_MOD, WAIT_WRITE };

static const char *const mode_names[] = { "read", "mod", "write" };
static const char *const method_names[] = {
	"eventfd", "epoll-mod", "epoll-write",
};

static int efd[2];
static int epfd[2];
static long rounds;
static int pin;
static int mode;
static int kick_depth;
static int wait_depth;
static volatile int frames;

static void wait_for(int side)
{
	struct epoll_event ev;
	uint64_t v;

	if (mode == WAIT_READ) {
		if (read(efd[side], &v, sizeof(v)) != sizeof(v))
			bench_die("read");
	} else if (epoll_wait(epfd[side], &ev, 1, -1) != 1) {
		bench_die("epoll_wait");
	}
}

static void kick(int side)
{
	struct epoll_event ev;
	uint64_t v = 1;

	if (mode != WAIT_MOD) {
		if (write(efd[side], &v, sizeof(v)) != sizeof(v))
			bench_die("write");
		return;
	}
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN | EPOLLONESHOT;
	if (epoll_ctl(epfd[side], EPOLL_CTL_MOD, efd[side], &ev) < 0)
		bench_die("epoll_ctl");
}

/* side's wake-up (wait = 0) or wait (1), depth calls further down. */
static __attribute__((noinline)) void nest(int depth, int side, int wait)
{
	if (depth == 0) {
		if (wait)
			wait_for(side);
		else
			kick(side);
	} else {
		nest(depth - 1, side, wait);
	}
	frames++;	/* no tail call: each level returns */
}

/* side's wake-up and wait, through the extra frames asked for. */
static void wake(int side)
{
	if (kick_depth)
		nest(kick_depth, side, 0);
	else
		kick(side);
}

static void wait_turn(int side)
{
	if (wait_depth)
		nest(wait_depth, side, 1);
	else
		wait_for(side);
}

void bench_region_peer(void);

BENCH_REGION void bench_region_peer(void)
{
	long i;

	for (i = 0; i < rounds; i++) {
		wait_turn(1);
		wake(0);
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
		wake(1);
		wait_turn(0);
	}

	return rounds;
}

static void setup(int side)
{
	struct epoll_event ev;
	uint64_t one = 1;

	efd[side] = eventfd(0, EFD_CLOEXEC |
			    (mode == WAIT_READ ? 0 : EFD_NONBLOCK));
	if (efd[side] < 0)
		bench_die("eventfd");
	if (mode == WAIT_READ)
		return;

	epfd[side] = epoll_create1(EPOLL_CLOEXEC);
	if (epfd[side] < 0)
		bench_die("epoll_create1");
	memset(&ev, 0, sizeof(ev));
	if (mode == WAIT_WRITE)
		ev.events = EPOLLIN | EPOLLET;
	else if (write(efd[side], &one, sizeof(one)) != sizeof(one))
		bench_die("write");
	if (epoll_ctl(epfd[side], EPOLL_CTL_ADD, efd[side], &ev) < 0)
		bench_die("epoll_ctl");
}

static int parse_mode(const char *arg)
{
	for (int m = 0; m < 3; m++)
		if (arg == NULL || !strcmp(arg, mode_names[m]))
			return m;
	return -1;
}

int main(int argc, char **argv)
{
	pthread_t tb;
	uint64_t t0;
	uint64_t t1;
	long done;

	rounds = argc > 1 ? atol(argv[1]) : 100000;
	pin = bench_parse_pin(argc > 2 ? argv[2] : NULL);
	mode = parse_mode(argc > 3 ? argv[3] : NULL);
	kick_depth = argc > 4 ? atoi(argv[4]) : 0;
	wait_depth = argc > 5 ? atoi(argv[5]) : 0;
	if (rounds < 1 || mode < 0 || kick_depth < 0 || wait_depth < 0) {
		fprintf(stderr, "usage: %s [R [pinned|unpinned "
			"[read|mod|write [KD [WD]]]]]\n", argv[0]);
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

	printf("bench=B3a-floor lib=%s method=%s pin=%s depth=%d/%d "
	       "us_per_roundtrip=%.3f events=%ld\n", bench_lib_name(),
	       method_names[mode], pin ? "pinned" : "unpinned", kick_depth,
	       wait_depth, (double)(t1 - t0) / done / 1000.0, done);

	for (int side = 0; side < 2; side++) {
		if (mode != WAIT_READ)
			close(epfd[side]);
		close(efd[side]);
	}

	return 0;
}
