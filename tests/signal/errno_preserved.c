/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The library's signal handler leaves errno as the interrupted code had
 * it, even when its own system calls fail. */

#include "sig_util.h"

static struct iv_signal sig;
static int calls;

static void got_signal(void *cookie)
{
	calls++;
	iv_signal_unregister(&sig);
}

int main(void)
{
	int wfd;

	TEST_BEGIN(10);
	iv_init();

	sig_setup(&sig, SIGUSR1, 0, got_signal, NULL);
	CHECK_EQ_INT(iv_signal_register(&sig), 0);

	errno = ENOTTY;
	raise(SIGUSR1);
	CHECK_EQ_INT(errno, ENOTTY);

	/*
	 * Make the handler's write fail with EBADF: errno still survives.
	 * (This meddles with the registration's private event_raw, and
	 * puts it back before anything else looks at it.)  ivykis 0.42
	 * fails here: its handler leaves EBADF behind.
	 */
	CHECK_EQ_INT(sig.active, 1);
	sig.active = 0;
	wfd = sig.ev.event_wfd;
	sig.ev.event_wfd = -1;
	errno = EDOM;
	raise(SIGUSR1);
	CHECK_EQ_INT(errno, EDOM);
	sig.ev.event_wfd = wfd;

	iv_main();
	CHECK_EQ_INT(calls, 1);

	iv_deinit();
	return 0;
}
