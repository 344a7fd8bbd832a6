/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Registering a timer that is still registered is fatal. */

#include <iv.h>
#include "fatal_helper.h"

static void handler(void *cookie)
{
}

static void register_twice(void *arg)
{
	struct iv_timer t;

	iv_init();
	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_sec += 10;
	t.handler = handler;
	iv_timer_register(&t);
	iv_timer_register(&t);
}

int main(void)
{
	TEST_BEGIN(10);
	expect_fatal(register_twice, NULL,
		     "iv_timer_register: called with timer still on the heap");
	return 0;
}
