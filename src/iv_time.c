/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The per-thread cached monotonic clock, and thread ids. */

#include <iv_thread.h>
#include <sys/syscall.h>
#include "iv_private.h"

static void refresh(struct iv_state *st)
{
	clock_gettime(CLOCK_MONOTONIC, &st->now);
	st->now_valid = 1;
}

int64_t iv__now_ns(struct iv_state *st)
{
	if (!st->now_valid)
		refresh(st);
	return (int64_t)st->now.tv_sec * 1000000000 + st->now.tv_nsec;
}

IV_EXPORT void iv_invalidate_now(void)
{
	iv__state_for(__func__)->now_valid = 0;
}

IV_EXPORT const struct timespec *__iv_now_location_valid(void)
{
	struct iv_state *st = iv__state_for(__func__);

	if (!st->now_valid)
		refresh(st);
	return &st->now;
}

/*
 * Not declared in iv.h, but exported for binaries built against older
 * headers: they call iv_validate_now() and then read the cache through
 * __iv_now_location().
 */
const struct timespec *__iv_now_location(void);
void iv_validate_now_fn(void) __asm__("iv_validate_now");

IV_EXPORT const struct timespec *__iv_now_location(void)
{
	return &iv__state_for(__func__)->now;
}

IV_EXPORT void iv_validate_now_fn(void)
{
	struct iv_state *st = iv__state_for("iv_validate_now");

	if (!st->now_valid)
		refresh(st);
}

int64_t iv__timeout_ns(struct iv_state *st, int64_t deadline)
{
	int64_t now;

	if (deadline == INT64_MAX)
		return -1;
	if (deadline <= 0)
		return 0;
	now = iv__now_ns(st);
	return deadline > now ? deadline - now : 0;
}

/* Milliseconds for epoll_wait() and poll(): rounded up, so a timer is
 * never woken for early, and capped at one day. */
int iv__timeout_ms(struct iv_state *st, int64_t deadline)
{
	int64_t ns = iv__timeout_ns(st, deadline);

	if (ns < 0)
		return -1;
	if (ns >= (int64_t)86400000 * 1000000)
		return 86400000;
	return (int)((ns + 999999) / 1000000);
}

static __thread unsigned long thread_id;

IV_EXPORT unsigned long iv_get_thread_id(void)
{
	if (thread_id == 0)
		thread_id = (unsigned long)syscall(SYS_gettid);
	return thread_id;
}

IV_EXPORT unsigned long iv_thread_get_id(void)
{
	return iv_get_thread_id();
}
