/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Every plain registration of a signal is woken by one delivery. */

#include <iv.h>
#include <iv_signal.h>
#include "check.h"

#define REGS	3

static struct iv_signal sigs[REGS];
static int calls[REGS];

static void got_signal(void *cookie)
{
	struct iv_signal *s = cookie;

	calls[s - sigs]++;
	iv_signal_unregister(s);
}

int main(void)
{
	int i;

	TEST_BEGIN(5);
	iv_init();

	for (i = 0; i < REGS; i++) {
		IV_SIGNAL_INIT(&sigs[i]);
		sigs[i].signum = SIGUSR2;
		sigs[i].flags = 0;
		sigs[i].cookie = &sigs[i];
		sigs[i].handler = got_signal;
		CHECK_EQ_INT(iv_signal_register(&sigs[i]), 0);
	}
	raise(SIGUSR2);
	iv_main();

	for (i = 0; i < REGS; i++)
		CHECK_EQ_INT(calls[i], 1);
	iv_deinit();
	return 0;
}
