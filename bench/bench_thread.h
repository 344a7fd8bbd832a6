/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Thread helpers for the cross-thread bench programs (B3 and its floor). */

#ifndef BENCH_THREAD_H
#define BENCH_THREAD_H

#include <pthread.h>
#include <sched.h>
#include "bench.h"

/* "pin" puts the calling thread on CPU 0; anything else leaves it free. */
static inline void bench_maybe_pin(int pin)
{
	cpu_set_t set;

	if (!pin)
		return;
	CPU_ZERO(&set);
	CPU_SET(0, &set);
	if (pthread_setaffinity_np(pthread_self(), sizeof(set), &set))
		bench_die("pthread_setaffinity_np");
}

static inline int bench_parse_pin(const char *arg)
{
	if (arg == NULL || !strcmp(arg, "unpinned"))
		return 0;
	if (!strcmp(arg, "pin") || !strcmp(arg, "pinned"))
		return 1;
	fprintf(stderr, "bench: expected pinned or unpinned, got %s\n", arg);
	exit(1);
}

#endif
