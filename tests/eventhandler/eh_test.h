/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Shared helpers of the iv_eventhandler tests. */

#ifndef EH_TEST_H
#define EH_TEST_H

#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <time.h>
#include <iv_eventhandler.h>
#include "check.h"

static inline int64_t eh_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline void eh_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* Counts the library's allocation attempts without failing any. */
static struct iv_eventhandler_test_hooks eh_count_hooks = {
	.fail_alloc_at = LONG_MAX,
};

static inline void eh_count_allocs(void)
{
	eh_count_hooks.allocs = 0;
	iv_eventhandler__hooks = &eh_count_hooks;
}

static inline long eh_allocs(void)
{
	return __atomic_load_n(&eh_count_hooks.allocs, __ATOMIC_RELAXED);
}

/* A heap canary that a handler checks; poisoned after deregistering. */
struct canary {
	unsigned int	magic;
};

#define CANARY_LIVE	0x600dcafeu
#define CANARY_DEAD	0xdeadbeefu

static inline struct canary *canary_new(void)
{
	struct canary *c = malloc(sizeof(*c));

	CHECK(c != NULL);
	__atomic_store_n(&c->magic, CANARY_LIVE, __ATOMIC_RELAXED);
	return c;
}

static inline void canary_check(struct canary *c)
{
	CHECK(__atomic_load_n(&c->magic, __ATOMIC_RELAXED) == CANARY_LIVE);
}

static inline void canary_kill(struct canary *c)
{
	__atomic_store_n(&c->magic, CANARY_DEAD, __ATOMIC_RELAXED);
}

#endif
