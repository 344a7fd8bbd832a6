/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The first iv_init() sets SIGPIPE and SIGURG to SIG_IGN. */

#include <signal.h>
#include <iv.h>
#include "check.h"

static void never_called(int sig)
{
	abort();
}

static int disposition_is_ignore(int sig)
{
	struct sigaction sa;

	CHECK(sigaction(sig, NULL, &sa) == 0);
	return sa.sa_handler == SIG_IGN;
}

int main(void)
{
	struct sigaction sa;
	int fds[2];

	TEST_BEGIN(10);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = never_called;
	sigemptyset(&sa.sa_mask);
	CHECK(sigaction(SIGPIPE, &sa, NULL) == 0);
	CHECK(sigaction(SIGURG, &sa, NULL) == 0);
	CHECK(!disposition_is_ignore(SIGPIPE));

	iv_init();
	CHECK(disposition_is_ignore(SIGPIPE));
	CHECK(disposition_is_ignore(SIGURG));

	/* Writing to a pipe without reader now gives EPIPE, not a signal. */
	CHECK(pipe(fds) == 0);
	close(fds[0]);
	CHECK_ERRNO(write(fds[1], "x", 1), EPIPE);
	close(fds[1]);

	iv_deinit();
	return 0;
}
