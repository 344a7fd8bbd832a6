/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* No eventfd and pipe failing: register returns -1, leaves nothing behind. */

#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"
#include "failshim.c"

static void never(void *cookie)
{
	CHECK(!"handler of an unregistered event ran");
}

int main(void)
{
	struct iv_event_raw ev;
	int fds;

	TEST_BEGIN(10);
	failshim_set("eventfd", 0, -1, ENOSYS);
	iv_init();
	fds = failshim_count_fds();

	failshim_set("pipe", 0, -1, EMFILE);
	IV_EVENT_RAW_INIT(&ev);
	ev.handler = never;
	CHECK_EQ_INT(iv_event_raw_register(&ev), -1);
	CHECK(failshim_failures("pipe") >= 1);
	CHECK_EQ_INT(failshim_count_fds(), fds);

	/* Nothing is registered, so the loop ends at once. */
	iv_main();
	failshim_clear();
	iv_deinit();
	return 0;
}
