/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Closing a request ends a running child with SIGTERM and reaps it, while
 * the loop keeps running; the request may go away at once. */

#include <stdlib.h>
#include "popen_util.h"

static char *argv[] = {
	ARG("sh"), ARG("-c"), ARG("echo ready; exec sleep 30"), NULL,
};
static struct iv_timer tick;
static int ticks;
static int children_gone;

static void ticked(void *cookie)
{
	ticks++;
	if (no_children()) {
		children_gone = 1;
		return;
	}
	timer_in(&tick, 5, ticked, NULL);
}

int main(void)
{
	struct iv_popen_request *req;
	long long start;
	char buf[8];
	int fd;

	TEST_BEGIN(10);
	iv_init();

	req = malloc(sizeof(*req));
	CHECK(req != NULL);
	request_setup(req, "sh", argv, "r");
	fd = iv_popen_request_submit(req);
	CHECK(fd > 2);

	/* Close only once the program runs: under valgrind, a signal that
	 * arrives between fork and exec can be lost. */
	CHECK_EQ_INT(read(fd, buf, sizeof(buf)), 6);

	start = mono_ms();
	iv_popen_request_close(req);
	free(req);
	close(fd);

	timer_in(&tick, 5, ticked, NULL);
	iv_main();

	/* SIGTERM went out at once: no 5 s step was needed. */
	CHECK(mono_ms() - start < 4000);
	CHECK(ticks >= 1);
	CHECK(children_gone);
	iv_deinit();
	return 0;
}
