/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Excluding every poll method makes the first iv_init() fatal. */

#include <iv.h>
#include "fatal_helper.h"

static void init_with_nothing_left(void *arg)
{
	CHECK(setenv("IV_EXCLUDE_POLL_METHOD",
		     "epoll-timerfd epoll ppoll poll", 1) == 0);
	iv_init();
}

int main(void)
{
	TEST_BEGIN(10);
	expect_fatal(init_with_nothing_left, NULL,
		     "iv_init: can't find suitable event dispatcher");
	return 0;
}
