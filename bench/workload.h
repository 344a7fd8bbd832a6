/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The workloads every adapter runs: parameters, shared logic, result lines. */

#ifndef WORKLOAD_H
#define WORKLOAD_H

/*
 * One description of B1-B4 for all five libraries.  The ivykis-API
 * programs (b1_pipe_chain.c ... b4_tasks.c, built against Liana and
 * against Debian's ivykis) and the peer adapters (peer_libevent.c,
 * peer_libev.c, peer_libuv.c) take the same arguments, draw the same
 * random numbers, do the same work per event through this header, and
 * print their result with the wl_report_* functions below, so that one
 * script can parse every library's output the same way:
 *
 *   bench=B1 lib=liana method=epoll-timerfd N=1000 A=1 ns_per_event=1.2
 *   events=60000
 *
 * (one line).  "events" is the count the callgrind runs divide by.
 *
 * Only what differs between libraries (how a watcher, a timer, a
 * cross-thread wake-up or a deferred callback is set up) lives in the
 * adapters.
 */

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bench.h"

/* B1: bytes written per round beyond the A that start the chains. */
#define WL_B1_WRITES		20000
/* B2a: expiries now + 1 s .. now + 101 s. */
#define WL_B2A_BASE_NS		1000000000ULL
#define WL_B2A_SPAN_NS		100000000000ULL
/* B2b: expiries now .. now + 100 ms. */
#define WL_B2B_SPAN_NS		100000000ULL
/* B2c: idle timeout of a connection and resets per loop iteration. */
#define WL_B2C_IDLE_S		10
#define WL_B2C_PER_ITERATION	100
#define WL_B2C_DEFAULT_RESETS	1000000
/* B3b: posts between two clock reads. */
#define WL_B3B_BATCH		1024
#define WL_B3B_MAX_THREADS	64

#define WL_SEED_EXPIRY		0x9e3779b97f4a7c15ULL
#define WL_SEED_RESET		0x2545f4914f6cdd1dULL

/* ---- B1: the pipe chain ---- */

struct wl_b1 {
	int npairs;
	int nactive;
	int *rfd;		/* read end of pair i (the watched one) */
	int *wfd;		/* write end of pair i */
	long fired;
	long count;
	long writes;
};

static struct wl_b1 wl_b1;

/* Parses "[N [A [rounds]]]"; creates the N socketpairs. */
static inline int wl_b1_setup(int argc, char **argv, int *rounds)
{
	int i;

	wl_b1.npairs = argc > 1 ? atoi(argv[1]) : 1000;
	wl_b1.nactive = argc > 2 ? atoi(argv[2]) : 1;
	*rounds = argc > 3 ? atoi(argv[3]) : 10;
	if (wl_b1.npairs < 1 || wl_b1.nactive < 1 ||
	    wl_b1.nactive > wl_b1.npairs || *rounds < 1) {
		fprintf(stderr, "usage: b1_pipe_chain [N [A [rounds]]]\n");
		exit(1);
	}

	wl_b1.rfd = calloc(wl_b1.npairs, sizeof(int));
	wl_b1.wfd = calloc(wl_b1.npairs, sizeof(int));
	if (wl_b1.rfd == NULL || wl_b1.wfd == NULL)
		bench_die("calloc");
	for (i = 0; i < wl_b1.npairs; i++) {
		int sv[2];

		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
			bench_die("socketpair");
		wl_b1.rfd[i] = sv[0];
		wl_b1.wfd[i] = sv[1];
	}

	return wl_b1.npairs;
}

/* Starts a round: one byte into each of A pairs spread over the N. */
static inline void wl_b1_start_round(void)
{
	int space = wl_b1.npairs / wl_b1.nactive;
	int i;

	wl_b1.count = 0;
	wl_b1.fired = 0;
	wl_b1.writes = WL_B1_WRITES;
	for (i = 0; i < wl_b1.nactive; i++) {
		if (write(wl_b1.wfd[i * space], "e", 1) != 1)
			bench_die("write");
		wl_b1.fired++;
	}
}

/*
 * Pair i is readable: read its byte, pass one on to pair i + 1 while the
 * round's budget lasts.  Returns 1 when the round is over (every byte
 * written has been read): the adapter then leaves its loop.
 */
static inline int wl_b1_readable(long i)
{
	char c;

	if (read(wl_b1.rfd[i], &c, 1) != 1)
		return 0;
	wl_b1.count++;
	if (wl_b1.writes > 0) {
		long next = i + 1 == wl_b1.npairs ? 0 : i + 1;

		if (write(wl_b1.wfd[next], "e", 1) != 1)
			bench_die("write");
		wl_b1.writes--;
		wl_b1.fired++;
	}

	return wl_b1.count == wl_b1.fired;
}

static inline void wl_b1_teardown(void)
{
	int i;

	for (i = 0; i < wl_b1.npairs; i++) {
		close(wl_b1.rfd[i]);
		close(wl_b1.wfd[i]);
	}
	free(wl_b1.rfd);
	free(wl_b1.wfd);
}

static inline void wl_report_b1(const char *lib, const char *method,
				uint64_t ns, long events)
{
	printf("bench=B1 lib=%s method=%s N=%d A=%d ns_per_event=%.1f "
	       "events=%ld\n", lib, method, wl_b1.npairs, wl_b1.nactive,
	       (double)ns / events, events);
}

/* ---- B2: timers ---- */

enum wl_b2_mode { WL_CHURN, WL_FIRE, WL_RESET };

struct wl_b2 {
	enum wl_b2_mode mode;
	long m;			/* timers (connections for reset) */
	int rounds;		/* churn rounds */
	int random_order;	/* reset: random (1) or fifo (0) */
	long resets;		/* reset: measured resets */
	uint64_t *offset_ns;	/* timer i expires now + offset_ns[i] */
};

static struct wl_b2 wl_b2;

/*
 * Parses "churn M [rounds] | fire M | reset M fifo|random [resets]" and
 * draws the expiry offsets (churn, fire; reset arms connection i at
 * 10 s + i ns so that the fifo order is the index order).
 */
static inline void wl_b2_setup(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	uint64_t seed = WL_SEED_EXPIRY;
	uint64_t base = 0;
	uint64_t span = 0;
	long i;

	wl_b2.m = argc > 2 ? atol(argv[2]) : 0;
	if (!strcmp(mode, "churn")) {
		wl_b2.mode = WL_CHURN;
		base = WL_B2A_BASE_NS;
		span = WL_B2A_SPAN_NS;
		wl_b2.rounds = argc > 3 ? atoi(argv[3]) : 0;
		if (wl_b2.rounds <= 0 && wl_b2.m > 0)
			wl_b2.rounds = wl_b2.m >= 1000000 ? 1 :
				1000000 / wl_b2.m;
	} else if (!strcmp(mode, "fire")) {
		wl_b2.mode = WL_FIRE;
		span = WL_B2B_SPAN_NS;
	} else if (!strcmp(mode, "reset")) {
		const char *order = argc > 3 ? argv[3] : "fifo";

		wl_b2.mode = WL_RESET;
		wl_b2.resets = argc > 4 ? atol(argv[4]) :
			WL_B2C_DEFAULT_RESETS;
		if (!strcmp(order, "random"))
			wl_b2.random_order = 1;
		else if (strcmp(order, "fifo"))
			wl_b2.m = 0;
	} else {
		wl_b2.m = 0;
	}
	if (wl_b2.m < 1) {
		fprintf(stderr, "usage: b2_timers churn M [rounds] | fire M | "
			"reset M fifo|random [resets]\n");
		exit(1);
	}

	wl_b2.offset_ns = calloc(wl_b2.m, sizeof(uint64_t));
	if (wl_b2.offset_ns == NULL)
		bench_die("calloc");
	for (i = 0; i < wl_b2.m; i++) {
		if (wl_b2.mode == WL_RESET)
			wl_b2.offset_ns[i] = WL_B2C_IDLE_S * 1000000000ULL + i;
		else
			wl_b2.offset_ns[i] = base + bench_rand(&seed) % span;
	}
}

/* B2c: which connection the next event belongs to. */
static inline long wl_b2c_next(void)
{
	static uint64_t seed = WL_SEED_RESET;
	static long next_fifo;
	long i;

	if (wl_b2.random_order)
		return bench_rand(&seed) % wl_b2.m;
	i = next_fifo;
	if (++next_fifo == wl_b2.m)
		next_fifo = 0;

	return i;
}

static inline void wl_report_b2(const char *lib, const char *method,
				uint64_t ns, long events)
{
	switch (wl_b2.mode) {
	case WL_CHURN:
		printf("bench=B2a lib=%s method=%s M=%ld ns_per_op=%.2f "
		       "events=%ld\n", lib, method, wl_b2.m,
		       (double)ns / events, events);
		break;
	case WL_FIRE:
		/* ns is process CPU time here */
		printf("bench=B2b lib=%s method=%s M=%ld cpu_ns_per_timer=%.1f "
		       "events=%ld\n", lib, method, wl_b2.m,
		       (double)ns / events, events);
		break;
	case WL_RESET:
		printf("bench=B2c lib=%s method=%s M=%ld order=%s "
		       "ns_per_reset=%.2f events=%ld\n", lib, method, wl_b2.m,
		       wl_b2.random_order ? "random" : "fifo",
		       (double)ns / events, events);
		break;
	}
}

/* ---- B3: cross-thread ---- */

/* B3a: "[R [pinned|unpinned]]" */
static inline long wl_b3a_rounds(int argc, char **argv)
{
	long r = argc > 1 ? atol(argv[1]) : 100000;

	if (r < 1) {
		fprintf(stderr, "usage: b3_pingpong [R [pinned|unpinned]]\n");
		exit(1);
	}

	return r;
}

static inline void wl_report_b3a(const char *lib, const char *method,
				 int pin, uint64_t ns, long rounds)
{
	printf("bench=B3a lib=%s method=%s pin=%s us_per_roundtrip=%.3f "
	       "events=%ld\n", lib, method, pin ? "pinned" : "unpinned",
	       (double)ns / rounds / 1000.0, rounds);
}

/* B3b: "[seconds [pinned|unpinned [threads]]]" */
static inline double wl_b3b_seconds(int argc, char **argv, int *threads)
{
	double s = argc > 1 ? atof(argv[1]) : 1.0;

	*threads = argc > 3 ? atoi(argv[3]) : 1;
	if (s <= 0 || *threads < 1 || *threads > WL_B3B_MAX_THREADS) {
		fprintf(stderr, "usage: b3_flood [seconds [pinned|unpinned "
			"[threads <= %d]]]\n", WL_B3B_MAX_THREADS);
		exit(1);
	}

	return s;
}

static inline void wl_report_b3b(const char *lib, const char *method,
				 int pin, int threads, long posts,
				 long handler_calls, uint64_t ns)
{
	printf("bench=B3b lib=%s method=%s pin=%s threads=%d "
	       "posts_per_s=%.0f ns_per_post=%.3f posts=%ld handler_calls=%ld "
	       "seconds=%.3f events=%ld\n", lib, method,
	       pin ? "pinned" : "unpinned", threads, posts / (ns / 1e9),
	       (double)ns / posts, posts, handler_calls, ns / 1e9, posts);
}

/* ---- B4: self-re-arming callbacks ---- */

/* "[K [callbacks]]" */
static inline long wl_b4_args(int argc, char **argv, long *callbacks)
{
	long k = argc > 1 ? atol(argv[1]) : 1;

	*callbacks = argc > 2 ? atol(argv[2]) : 1000000;
	if (k < 1 || *callbacks < k) {
		fprintf(stderr, "usage: b4_tasks [K [callbacks >= K]]\n");
		exit(1);
	}

	return k;
}

static inline void wl_report_b4(const char *lib, const char *method, long k,
				uint64_t ns, long done)
{
	printf("bench=B4 lib=%s method=%s K=%ld ns_per_callback=%.2f "
	       "events=%ld\n", lib, method, k, (double)ns / done, done);
}

/* ---- the adapters' entry point ---- */

#ifdef WL_ADAPTER

int wl_b1_main(int argc, char **argv);
int wl_b2_main(int argc, char **argv);
int wl_b3a_main(int argc, char **argv);
int wl_b3b_main(int argc, char **argv);
int wl_b4_main(int argc, char **argv);

/*
 * A peer adapter is one program; its first argument names the ivykis
 * program whose workload to run, the rest are that program's arguments:
 *   bench_libev b1_pipe_chain 1000 1 3
 */
static inline int wl_dispatch(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv);
	} progs[] = {
		{ "b1_pipe_chain", wl_b1_main },
		{ "b2_timers", wl_b2_main },
		{ "b3_pingpong", wl_b3a_main },
		{ "b3_flood", wl_b3b_main },
		{ "b4_tasks", wl_b4_main },
	};
	size_t i;

	for (i = 0; argc > 1 && i < sizeof(progs) / sizeof(progs[0]); i++)
		if (!strcmp(argv[1], progs[i].name))
			return progs[i].run(argc - 1, argv + 1);
	fprintf(stderr, "usage: %s b1_pipe_chain|b2_timers|b3_pingpong|"
		"b3_flood|b4_tasks ARGS...\n", argv[0]);

	return 1;
}
#endif

#endif
