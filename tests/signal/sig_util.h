/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Small helpers shared by the iv_signal test programs. */

#ifndef IV_TEST_SIG_UTIL_H
#define IV_TEST_SIG_UTIL_H

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

static inline void sig_setup(struct iv_signal *sig, int signum,
			     unsigned int flags, void (*handler)(void *),
			     void *cookie)
{
	IV_SIGNAL_INIT(sig);
	sig->signum = signum;
	sig->flags = flags;
	sig->cookie = cookie;
	sig->handler = handler;
}

/* Registers t to fire msec milliseconds from the loop's now. */
static inline void timer_in(struct iv_timer *t, long msec,
			    void (*handler)(void *), void *cookie)
{
	IV_TIMER_INIT(t);
	iv_invalidate_now();
	t->expires = iv_now;
	t->expires.tv_sec += msec / 1000;
	t->expires.tv_nsec += (msec % 1000) * 1000000;
	if (t->expires.tv_nsec >= 1000000000) {
		t->expires.tv_sec++;
		t->expires.tv_nsec -= 1000000000;
	}
	t->cookie = cookie;
	t->handler = handler;
	iv_timer_register(t);
}

/* The current disposition's handler of signum. */
static inline void (*sig_disposition(int signum))(int)
{
	struct sigaction sa;

	CHECK_EQ_INT(sigaction(signum, NULL, &sa), 0);
	return sa.sa_handler;
}

#endif
