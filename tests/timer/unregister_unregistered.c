/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unregistering a timer that is not registered is fatal. */

#include <iv.h>
#include "fatal_helper.h"

static void handler(void *cookie)
{
}

static void never_registered(void *arg)
{
	struct iv_timer t;

	iv_init();
	IV_TIMER_INIT(&t);
	t.handler = handler;
	iv_timer_unregister(&t);
}

static void unregister_in_own_handler(void *cookie)
{
	/* A running timer is no longer registered. */
	iv_timer_unregister(cookie);
}

static void while_running(void *arg)
{
	struct iv_timer t;

	iv_init();
	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.cookie = &t;
	t.handler = unregister_in_own_handler;
	iv_timer_register(&t);
	iv_main();
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(never_registered, NULL,
		     "iv_timer_unregister: called with timer not on the heap");
	expect_fatal(while_running, NULL,
		     "iv_timer_unregister: called with timer not on the heap");
	return 0;
}
