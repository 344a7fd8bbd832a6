/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* With exclusive registrations, one of them is woken and no plain one. */

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

#define REGS	4

static struct iv_signal sigs[REGS];	/* 0, 1 exclusive; 2, 3 plain */
static int calls[REGS];
static struct iv_timer settle;

static void got_signal(void *cookie)
{
	struct iv_signal *s = cookie;

	calls[s - sigs]++;
}

/* Gives any wrongly woken registration time to run, then checks. */
static void settled(void *cookie)
{
	int i;

	CHECK_EQ_INT(calls[0] + calls[1], 1);
	CHECK_EQ_INT(calls[2], 0);
	CHECK_EQ_INT(calls[3], 0);
	for (i = 0; i < REGS; i++)
		iv_signal_unregister(&sigs[i]);
}

int main(void)
{
	int i;

	TEST_BEGIN(5);
	iv_init();

	/* Plain ones first, so registration order cannot explain a pass. */
	for (i = REGS - 1; i >= 0; i--) {
		IV_SIGNAL_INIT(&sigs[i]);
		sigs[i].signum = SIGUSR1;
		sigs[i].flags = i < 2 ? IV_SIGNAL_FLAG_EXCLUSIVE : 0;
		sigs[i].cookie = &sigs[i];
		sigs[i].handler = got_signal;
		CHECK_EQ_INT(iv_signal_register(&sigs[i]), 0);
	}
	raise(SIGUSR1);

	IV_TIMER_INIT(&settle);
	iv_validate_now();
	settle.expires = iv_now;
	settle.expires.tv_nsec += 200000000;
	if (settle.expires.tv_nsec >= 1000000000) {
		settle.expires.tv_sec++;
		settle.expires.tv_nsec -= 1000000000;
	}
	settle.handler = settled;
	iv_timer_register(&settle);
	iv_main();

	CHECK_EQ_INT(calls[0] + calls[1], 1);
	iv_deinit();
	return 0;
}
