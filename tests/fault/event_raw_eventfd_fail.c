/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* eventfd failing (EMFILE): register fails cleanly or falls back and works. */

#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"
#include "failshim.c"

static struct iv_event_raw ev;
static int calls;

static void got_event(void *cookie)
{
	calls++;
	iv_event_raw_unregister(&ev);
}

int main(void)
{
	int fds, ret;

	TEST_BEGIN(10);
	iv_init();
	fds = failshim_count_fds();

	failshim_set("eventfd", 0, -1, EMFILE);
	IV_EVENT_RAW_INIT(&ev);
	ev.handler = got_event;
	ret = iv_event_raw_register(&ev);
	failshim_clear();
	if (failshim_failures("eventfd") == 0) {
		fprintf(stderr, "the library made no interposable eventfd "
			"call; nothing to test\n");
		iv_deinit();
		return TEST_SKIP;
	}

	if (ret == 0) {
		/* A fallback was taken: it must work like the real thing. */
		iv_event_raw_post(&ev);
		iv_main();
		CHECK_EQ_INT(calls, 1);
	} else {
		CHECK_EQ_INT(ret, -1);
		CHECK_EQ_INT(failshim_count_fds(), fds);
		/* Nothing was left registered: the loop ends at once. */
		iv_main();
		CHECK_EQ_INT(calls, 0);
	}
	CHECK_EQ_INT(failshim_count_fds(), fds);

	/* The failure is not remembered. */
	calls = 0;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);
	iv_event_raw_post(&ev);
	iv_main();
	CHECK_EQ_INT(calls, 1);
	CHECK_EQ_INT(failshim_count_fds(), fds);

	iv_deinit();
	return 0;
}
