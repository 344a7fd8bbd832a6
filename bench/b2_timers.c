/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* B2: timer churn (B2a), timers firing (B2b) and timeout resets (B2c). */

/*
 * Usage:
 *   b2_timers churn M [rounds]         B2a
 *   b2_timers fire M                   B2b
 *   b2_timers reset M fifo|random [n]  B2c
 *
 * churn: M timers with random expiries 1 s .. 101 s from now are
 *   registered, then all unregistered in the same order; repeated for
 *   the given rounds (default: enough for 1M timers, at least 1) after
 *   one warm-up round.  One "op" is one timer registered and then
 *   unregistered.  No loop iteration runs.
 * fire: M timers with random expiries within 100 ms are registered and
 *   iv_main runs until all have fired.  Reported: process CPU time of
 *   registration plus firing, per timer.
 * reset: M connections (the spec uses 10000) each own a 10 s idle timer.
 *   A task, re-registered every iteration, handles 100 "events" per loop
 *   iteration; each re-arms one connection's timer to now + 10 s with
 *   iv_timer_unregister + iv_timer_register.  "fifo" re-arms the
 *   connection armed longest ago, "random" a random one.  n resets in
 *   total (default 1000000).
 */

#include <iv.h>
#include "bench.h"

static struct iv_timer *timers;
static struct timespec *expiry;
static long ntimers;
static long nfired;

static void timespec_add_ns(struct timespec *ts, uint64_t ns)
{
	ts->tv_sec += ns / 1000000000ULL;
	ts->tv_nsec += ns % 1000000000ULL;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

static void timer_fired(void *cookie)
{
	nfired++;
}

static void alloc_timers(long n)
{
	long i;

	ntimers = n;
	timers = calloc(n, sizeof(*timers));
	expiry = calloc(n, sizeof(*expiry));
	if (timers == NULL || expiry == NULL)
		bench_die("calloc");
	for (i = 0; i < n; i++) {
		IV_TIMER_INIT(&timers[i]);
		timers[i].cookie = (void *)i;
		timers[i].handler = timer_fired;
	}
}

/* Expiries now + base + [0, span) ns, the same for every run. */
static void random_expiries(uint64_t base, uint64_t span)
{
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	struct timespec now;
	long i;

	iv_validate_now();
	now = iv_now;
	for (i = 0; i < ntimers; i++) {
		expiry[i] = now;
		timespec_add_ns(&expiry[i], base + bench_rand(&seed) % span);
	}
}

/* B2a */

static void churn_round(void)
{
	long i;

	for (i = 0; i < ntimers; i++) {
		timers[i].expires = expiry[i];
		iv_timer_register(&timers[i]);
	}
	for (i = 0; i < ntimers; i++)
		iv_timer_unregister(&timers[i]);
}

long bench_region_churn(int rounds);

BENCH_REGION long bench_region_churn(int rounds)
{
	long ops = 0;

	while (rounds--) {
		churn_round();
		ops += ntimers;
	}

	return ops;
}

static void run_churn(long m, int rounds)
{
	uint64_t t0;
	uint64_t t1;
	long ops;

	alloc_timers(m);
	random_expiries(1000000000ULL, 100000000000ULL);
	if (rounds <= 0)
		rounds = m >= 1000000 ? 1 : 1000000 / m;

	churn_round();
	t0 = bench_wall_ns();
	ops = bench_region_churn(rounds);
	t1 = bench_wall_ns();

	printf("bench=B2a lib=%s method=%s M=%ld ns_per_op=%.2f events=%ld\n",
	       bench_lib_name(), iv_poll_method_name(), m,
	       (double)(t1 - t0) / ops, ops);
}

/* B2b */

long bench_region_fire(void);

BENCH_REGION long bench_region_fire(void)
{
	long i;

	for (i = 0; i < ntimers; i++) {
		timers[i].expires = expiry[i];
		iv_timer_register(&timers[i]);
	}
	iv_main();

	return nfired;
}

static void run_fire(long m)
{
	uint64_t c0;
	uint64_t c1;
	uint64_t t0;
	uint64_t t1;
	long fired;

	alloc_timers(m);
	random_expiries(0, 100000000ULL);

	t0 = bench_wall_ns();
	c0 = bench_cpu_ns();
	fired = bench_region_fire();
	c1 = bench_cpu_ns();
	t1 = bench_wall_ns();
	if (fired != m) {
		fprintf(stderr, "b2_timers: %ld of %ld timers fired\n",
			fired, m);
		exit(1);
	}

	printf("bench=B2b lib=%s method=%s M=%ld cpu_ns_per_timer=%.1f "
	       "wall_ms=%.1f events=%ld\n", bench_lib_name(),
	       iv_poll_method_name(), m, (double)(c1 - c0) / m,
	       (t1 - t0) / 1e6, fired);
}

/* B2c */

#define RESETS_PER_ITERATION	100

static struct iv_task rearm_task;
static long resets_left;
static long next_fifo;
static int random_order;
static uint64_t rearm_seed = 0x2545f4914f6cdd1dULL;

static void rearm(void *cookie)
{
	struct timespec exp;
	int i;

	iv_validate_now();
	exp = iv_now;
	exp.tv_sec += 10;

	for (i = 0; i < RESETS_PER_ITERATION && resets_left > 0; i++) {
		struct iv_timer *t;

		if (random_order) {
			t = &timers[bench_rand(&rearm_seed) % ntimers];
		} else {
			t = &timers[next_fifo];
			if (++next_fifo == ntimers)
				next_fifo = 0;
		}
		iv_timer_unregister(t);
		t->expires = exp;
		iv_timer_register(t);
		resets_left--;
	}

	if (resets_left > 0)
		iv_task_register(&rearm_task);
	else
		iv_quit();
}

long bench_region_reset(long n);

BENCH_REGION long bench_region_reset(long n)
{
	resets_left = n;
	iv_task_register(&rearm_task);
	iv_main();

	return n - resets_left;
}

static void run_reset(long m, const char *order, long n)
{
	uint64_t t0;
	uint64_t t1;
	long resets;
	long i;

	if (!strcmp(order, "random")) {
		random_order = 1;
	} else if (strcmp(order, "fifo")) {
		fprintf(stderr, "b2_timers: order must be fifo or random\n");
		exit(1);
	}

	alloc_timers(m);
	/* Connections armed one after the other: fifo re-arms index 0 first. */
	iv_validate_now();
	for (i = 0; i < m; i++) {
		timers[i].expires = iv_now;
		timespec_add_ns(&timers[i].expires, 10000000000ULL + i);
		iv_timer_register(&timers[i]);
	}
	IV_TASK_INIT(&rearm_task);
	rearm_task.handler = rearm;

	/* Warm-up: one pass over every connection. */
	bench_region_reset(m);

	t0 = bench_wall_ns();
	resets = bench_region_reset(n);
	t1 = bench_wall_ns();

	printf("bench=B2c lib=%s method=%s M=%ld order=%s ns_per_reset=%.2f "
	       "events=%ld\n", bench_lib_name(), iv_poll_method_name(), m,
	       order, (double)(t1 - t0) / resets, resets);

	for (i = 0; i < m; i++)
		iv_timer_unregister(&timers[i]);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	long m = argc > 2 ? atol(argv[2]) : 0;

	if (m < 1 || (strcmp(mode, "churn") && strcmp(mode, "fire") &&
		      strcmp(mode, "reset"))) {
		fprintf(stderr, "usage: %s churn M [rounds] | fire M | "
			"reset M fifo|random [resets]\n", argv[0]);
		return 1;
	}

	iv_init();

	if (!strcmp(mode, "churn"))
		run_churn(m, argc > 3 ? atoi(argv[3]) : 0);
	else if (!strcmp(mode, "fire"))
		run_fire(m);
	else
		run_reset(m, argc > 3 ? argv[3] : "fifo",
			  argc > 4 ? atol(argv[4]) : 1000000);

	free(timers);
	free(expiry);
	iv_deinit();

	return 0;
}
