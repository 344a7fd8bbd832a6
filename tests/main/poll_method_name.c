/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_poll_method_name(): NULL before iv_init(), then the pinned method. */

#include <iv.h>
#include "check.h"

/*
 * Under CTest every test is pinned to one method through
 * IV_EXCLUDE_POLL_METHOD and IV_TEST_EXPECT_METHOD names it.  This is the
 * test that catches a method whose initialisation fails silently and lets
 * the whole suite run on a fallback.
 */
int main(void)
{
	static const char *const known[] = {
		"epoll-timerfd", "epoll", "ppoll", "poll",
	};
	const char *want = getenv("IV_TEST_EXPECT_METHOD");
	const char *name;
	size_t i;

	TEST_BEGIN(10);
	CHECK(iv_poll_method_name() == NULL);

	iv_init();
	name = iv_poll_method_name();
	CHECK(name != NULL);
	if (want != NULL && *want)
		CHECK_EQ_STR(name, want);
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(name, known[i]) == 0)
			break;
	CHECK(i < sizeof(known) / sizeof(known[0]));

	iv_deinit();
	return 0;
}
