/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A forked child posts through the inherited descriptor; the parent sees it. */

#include <sys/wait.h>
#include <iv.h>
#include <iv_event_raw.h>
#include "check.h"

static struct iv_event_raw ev;
static pid_t child;
static int calls;

static void got_event(void *cookie)
{
	int status;

	calls++;
	CHECK_EQ_INT(waitpid(child, &status, 0), child);
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 0);
	iv_event_raw_unregister(&ev);
}

int main(void)
{
	TEST_BEGIN(10);
	iv_init();

	IV_EVENT_RAW_INIT(&ev);
	ev.handler = got_event;
	CHECK_EQ_INT(iv_event_raw_register(&ev), 0);

	fflush(stderr);
	child = fork();
	CHECK(child >= 0);
	if (child == 0) {
		/* The child must not touch the loop it shares with us. */
		usleep(50000);
		iv_event_raw_post(&ev);
		_exit(0);
	}

	iv_main();
	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
