/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Posts made before the handler runs are folded into one handler call. */

#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"

static struct iv_event_raw ev;
static int calls;

static void got_event(void *cookie)
{
	CHECK(cookie == &ev);
	calls++;
	iv_event_raw_unregister(&ev);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	IV_EVENT_RAW_INIT(&ev);
	ev.cookie = &ev;
	ev.handler = got_event;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);

	iv_event_raw_post(&ev);
	iv_event_raw_post(&ev);
	iv_event_raw_post(&ev);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
