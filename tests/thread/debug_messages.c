/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* With debugging on, start, end and join of a child are told on stderr. */

#include <iv.h>
#include <iv_thread.h>
#include "check.h"
#include "stderr_capture.h"

static void child(void *arg)
{
}

int main(void)
{
	struct capture cap;
	char *out;

	TEST_BEGIN(10);
	iv_init();

	capture_start(&cap);
	iv_thread_set_debug_state(1);
	CHECK_EQ_INT(iv_thread_create("worker", child, NULL), 0);
	iv_main();
	iv_thread_set_debug_state(0);
	CHECK_EQ_INT(iv_thread_create("quiet", child, NULL), 0);
	iv_main();
	out = capture_end(&cap);

	CHECK_EQ_INT(count_lines(out, "iv_thread: [worker] started"), 1);
	CHECK_EQ_INT(count_lines(out, "iv_thread: [worker] terminating"), 1);
	CHECK_EQ_INT(count_lines(out, "iv_thread: [worker] joined"), 1);
	/* "started" comes from the parent and may follow "terminating". */
	CHECK(line_offset(out, "iv_thread: [worker] terminating") <
	      line_offset(out, "iv_thread: [worker] joined"));
	CHECK(line_offset(out, "iv_thread: [worker] started") <
	      line_offset(out, "iv_thread: [worker] joined"));
	CHECK(strstr(out, "quiet") == NULL);

	free(out);
	iv_deinit();
	return 0;
}
