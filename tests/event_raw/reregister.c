/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A handler unregisters its event; a timer registers it again and posts. */

#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"

static struct iv_event_raw ev;
static struct iv_timer tim;
static int calls;

static void got_event(void *cookie);

static void timer_fired(void *cookie)
{
	CHECK_EQ_INT(calls, 1);
	IV_EVENT_RAW_INIT(&ev);
	ev.handler = got_event;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);
	iv_event_raw_post(&ev);
}

static void got_event(void *cookie)
{
	calls++;
	iv_event_raw_unregister(&ev);
	if (calls == 1) {
		/* Nothing else is registered: only the timer keeps us alive. */
		IV_TIMER_INIT(&tim);
		iv_validate_now();
		tim.expires = iv_now;
		tim.expires.tv_nsec += 100000000;
		if (tim.expires.tv_nsec >= 1000000000) {
			tim.expires.tv_sec++;
			tim.expires.tv_nsec -= 1000000000;
		}
		tim.handler = timer_fired;
		iv_timer_register(&tim);
	}
}

int main(void)
{
	TEST_BEGIN(5);
	iv_init();

	IV_EVENT_RAW_INIT(&ev);
	ev.handler = got_event;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);
	iv_event_raw_post(&ev);
	iv_main();

	CHECK_EQ_INT(calls, 2);
	iv_deinit();
	return 0;
}
