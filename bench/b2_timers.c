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
 *   total (default 1000000), after a warm-up pass of M resets.
 *
 * The parameters and the random numbers are in workload.h.
 */

#include <iv.h>
#include "workload.h"

static struct iv_timer *timers;
static struct timespec *expiry;
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

/* Timer i expires at now + wl_b2.offset_ns[i]. */
static void alloc_timers(void)
{
	struct timespec now;
	long i;

	timers = calloc(wl_b2.m, sizeof(*timers));
	expiry = calloc(wl_b2.m, sizeof(*expiry));
	if (timers == NULL || expiry == NULL)
		bench_die("calloc");
	iv_validate_now();
	now = iv_now;
	for (i = 0; i < wl_b2.m; i++) {
		IV_TIMER_INIT(&timers[i]);
		timers[i].cookie = (void *)i;
		timers[i].handler = timer_fired;
		expiry[i] = now;
		timespec_add_ns(&expiry[i], wl_b2.offset_ns[i]);
	}
}

/* B2a */

static void churn_round(void)
{
	long i;

	for (i = 0; i < wl_b2.m; i++) {
		timers[i].expires = expiry[i];
		iv_timer_register(&timers[i]);
	}
	for (i = 0; i < wl_b2.m; i++)
		iv_timer_unregister(&timers[i]);
}

long bench_region_churn(int rounds);

BENCH_REGION long bench_region_churn(int rounds)
{
	long ops = 0;

	while (rounds--) {
		churn_round();
		ops += wl_b2.m;
	}

	return ops;
}

static void run_churn(void)
{
	uint64_t t0;
	uint64_t t1;
	long ops;

	churn_round();
	t0 = bench_wall_ns();
	ops = bench_region_churn(wl_b2.rounds);
	t1 = bench_wall_ns();

	wl_report_b2(bench_lib_name(), iv_poll_method_name(), t1 - t0, ops);
}

/* B2b */

long bench_region_fire(void);

BENCH_REGION long bench_region_fire(void)
{
	long i;

	for (i = 0; i < wl_b2.m; i++) {
		timers[i].expires = expiry[i];
		iv_timer_register(&timers[i]);
	}
	iv_main();

	return nfired;
}

static void run_fire(void)
{
	uint64_t c0;
	uint64_t c1;
	long fired;

	c0 = bench_cpu_ns();
	fired = bench_region_fire();
	c1 = bench_cpu_ns();
	if (fired != wl_b2.m) {
		fprintf(stderr, "b2_timers: %ld of %ld timers fired\n",
			fired, wl_b2.m);
		exit(1);
	}

	wl_report_b2(bench_lib_name(), iv_poll_method_name(), c1 - c0, fired);
}

/* B2c */

static struct iv_task rearm_task;
static long resets_left;

static void rearm(void *cookie)
{
	struct timespec exp;
	int i;

	iv_validate_now();
	exp = iv_now;
	exp.tv_sec += WL_B2C_IDLE_S;

	for (i = 0; i < WL_B2C_PER_ITERATION && resets_left > 0; i++) {
		struct iv_timer *t = &timers[wl_b2c_next()];

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

static void run_reset(void)
{
	uint64_t t0;
	uint64_t t1;
	long resets;
	long i;

	for (i = 0; i < wl_b2.m; i++) {
		timers[i].expires = expiry[i];
		iv_timer_register(&timers[i]);
	}
	IV_TASK_INIT(&rearm_task);
	rearm_task.handler = rearm;

	/* Warm-up: one pass over every connection. */
	bench_region_reset(wl_b2.m);

	t0 = bench_wall_ns();
	resets = bench_region_reset(wl_b2.resets);
	t1 = bench_wall_ns();

	wl_report_b2(bench_lib_name(), iv_poll_method_name(), t1 - t0, resets);

	for (i = 0; i < wl_b2.m; i++)
		iv_timer_unregister(&timers[i]);
}

int main(int argc, char **argv)
{
	wl_b2_setup(argc, argv);

	iv_init();
	alloc_timers();

	if (wl_b2.mode == WL_CHURN)
		run_churn();
	else if (wl_b2.mode == WL_FIRE)
		run_fire();
	else
		run_reset();

	free(timers);
	free(expiry);
	free(wl_b2.offset_ns);
	iv_deinit();

	return 0;
}
