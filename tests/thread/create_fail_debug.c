/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* With debugging on, a failed pthread_create is told on stderr. */

#include <stdatomic.h>
#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "fault/failshim.c"
#include "stderr_capture.h"

static atomic_int runs;

static void child(void *arg)
{
	atomic_fetch_add(&runs, 1);
}

int main(void)
{
	struct capture cap;
	char want[256];
	char *out;

	TEST_BEGIN(10);
	iv_init();

	capture_start(&cap);
	iv_thread_set_debug_state(1);
	failshim_set("pthread_create", 0, 1, EAGAIN);
	CHECK_EQ_INT(iv_thread_create("doomed", child, NULL), -1);
	failshim_clear();
	iv_main();
	iv_thread_set_debug_state(0);
	out = capture_end(&cap);

	snprintf(want, sizeof(want),
		 "iv_thread: pthr_create for [doomed] failed with error %d[%s]",
		 EAGAIN, strerror(EAGAIN));
	CHECK_EQ_INT(count_lines(out, want), 1);
	CHECK(strstr(out, "[doomed] started") == NULL);
	CHECK(strstr(out, "[doomed] joined") == NULL);
	CHECK_EQ_INT(atomic_load(&runs), 0);

	free(out);
	iv_deinit();
	return 0;
}
