/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A handler may unregister and free its own registration, and another
 * one that was woken by the same signal, whose handler then never runs. */

#include <stdlib.h>
#include "sig_util.h"

static struct iv_signal *pair[2];
static int calls;

static void got_signal(void *cookie)
{
	int i;

	calls++;
	for (i = 0; i < 2; i++) {
		iv_signal_unregister(pair[i]);
		free(pair[i]);
		pair[i] = NULL;
	}
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();

	for (i = 0; i < 2; i++) {
		pair[i] = malloc(sizeof(*pair[i]));
		CHECK(pair[i] != NULL);
		sig_setup(pair[i], SIGUSR2, 0, got_signal, NULL);
		CHECK_EQ_INT(iv_signal_register(pair[i]), 0);
	}

	CHECK_EQ_INT(raise(SIGUSR2), 0);
	CHECK_EQ_INT(pair[0]->active, 1);
	CHECK_EQ_INT(pair[1]->active, 1);

	iv_main();
	CHECK_EQ_INT(calls, 1);
	CHECK(sig_disposition(SIGUSR2) == SIG_DFL);

	iv_deinit();
	return 0;
}
