/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* IV_SELECT_POLL_METHOD picks the named method (a Liana extension). */

#include <iv.h>
#include "fatal_helper.h"

/*
 * The method is chosen at the first iv_init() of a process, so each case
 * runs in a fresh forked child that sets the variable first.  ivykis 0.42
 * has no IV_SELECT_POLL_METHOD, so this test fails against it.
 */

static void timer_fired(void *cookie)
{
	(*(int *)cookie)++;
}

static void select_and_run(void *arg)
{
	const char *method = arg;
	struct iv_timer t;
	int fired = 0;

	CHECK(unsetenv("IV_EXCLUDE_POLL_METHOD") == 0);
	CHECK(setenv("IV_SELECT_POLL_METHOD", method, 1) == 0);
	iv_init();
	CHECK_EQ_STR(iv_poll_method_name(), method);

	/* The selected method must also work. */
	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.expires.tv_nsec += 1000;
	if (t.expires.tv_nsec >= 1000000000) {
		t.expires.tv_sec++;
		t.expires.tv_nsec -= 1000000000;
	}
	t.cookie = &fired;
	t.handler = timer_fired;
	iv_timer_register(&t);
	iv_main();
	CHECK_EQ_INT(fired, 1);
	iv_deinit();
}

static void select_unknown(void *arg)
{
	CHECK(unsetenv("IV_EXCLUDE_POLL_METHOD") == 0);
	CHECK(setenv("IV_SELECT_POLL_METHOD", "no-such-method", 1) == 0);
	iv_init();
}

int main(void)
{
	static char methods[][16] = {
		"epoll-timerfd", "epoll", "ppoll", "poll",
	};
	size_t i;

	TEST_BEGIN(20);
	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		int status = run_in_child(select_and_run, methods[i]);

		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fprintf(stderr, "selecting %s failed\n", methods[i]);
		CHECK(WIFEXITED(status));
		CHECK_EQ_INT(WEXITSTATUS(status), 0);
	}
	expect_fatal(select_unknown, NULL,
		     "iv_init: poll method no-such-method is not available");
	return 0;
}
