/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A handler may unregister and free its interest; nothing follows. */

#include <stdlib.h>
#include "wait_util.h"

static struct iv_timer settle;
static pid_t pid;
static int calls;

static void settled(void *cookie);

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	struct iv_wait_interest *w = cookie;

	calls++;
	CHECK(WIFSTOPPED(status));

	/* Its death would be the next status: it must not arrive. */
	CHECK_EQ_INT(iv_wait_interest_kill(w, SIGKILL), 0);
	iv_wait_interest_unregister(w);
	free(w);

	timer_in(&settle, 200, settled, NULL);
}

static void settled(void *cookie)
{
	int status;

	CHECK_EQ_INT(calls, 1);
	/* Nobody reaps a child whose interest is gone. */
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	CHECK(WIFSIGNALED(status));
	CHECK_EQ_INT(WTERMSIG(status), SIGKILL);
}

int main(void)
{
	struct iv_wait_interest *w;

	TEST_BEGIN(10);
	iv_init();

	pid = fork_sleeper();
	w = malloc(sizeof(*w));
	CHECK(w != NULL);
	interest_setup(w, pid, got_status, w);
	iv_wait_interest_register(w);
	CHECK_EQ_INT(kill(pid, SIGSTOP), 0);
	iv_main();

	CHECK_EQ_INT(calls, 1);
	iv_deinit();
	return 0;
}
