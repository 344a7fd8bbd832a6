/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/*
 * An event handler runs a nested iv_main(), in which another event's
 * batch runs, then unregisters the thread's last events: the thread's
 * event state is released once, after the outer batch, and events work
 * again afterwards.
 */

#include <iv.h>
#include <iv_event.h>
#include "check.h"

static struct iv_event a, b, c;
static int a_calls, b_calls, c_calls;

static void got_b(void *cookie)
{
	b_calls++;
	iv_quit();
}

static void got_a(void *cookie)
{
	a_calls++;
	iv_event_post(&b);
	iv_main();		/* runs b's batch, which quits it */
	iv_event_unregister(&b);
	iv_event_unregister(&a);
}

static void got_c(void *cookie)
{
	c_calls++;
	iv_event_unregister(&c);
}

static void setup(struct iv_event *ev, void (*handler)(void *))
{
	IV_EVENT_INIT(ev);
	ev->handler = handler;
	CHECK_EQ_INT(iv_event_register(ev), 0);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();
	setup(&a, got_a);
	setup(&b, got_b);

	iv_event_post(&a);
	iv_main();
	CHECK_EQ_INT(a_calls, 1);
	CHECK_EQ_INT(b_calls, 1);

	setup(&c, got_c);
	iv_event_post(&c);
	iv_main();
	CHECK_EQ_INT(c_calls, 1);

	iv_deinit();
	return 0;
}
