/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_fatal() formats, calls the custom handler, and aborts if it returns. */

#include <signal.h>
#include <iv.h>
#include "fatal_helper.h"

/*
 * The child's handler passes the message to the parent through a pipe and
 * returns; iv_fatal() must still end the child with SIGABRT.  No iv_init()
 * is needed for any of this.
 */

static int msg_pipe[2];

static void report_and_return(const char *msg)
{
	size_t len = strlen(msg);

	CHECK(write(msg_pipe[1], msg, len) == (ssize_t)len);
}

static void call_fatal(void *arg)
{
	close(msg_pipe[0]);
	iv_set_fatal_msg_handler(report_and_return);
	iv_fatal("custom %d %s%c", 42, "handler", '!');
}

int main(void)
{
	char buf[256];
	ssize_t len;
	int status;

	TEST_BEGIN(10);
	CHECK(pipe(msg_pipe) == 0);
	status = run_in_child(call_fatal, NULL);
	close(msg_pipe[1]);
	len = read(msg_pipe[0], buf, sizeof(buf) - 1);
	close(msg_pipe[0]);

	CHECK(len >= 0);
	buf[len] = 0;
	CHECK_EQ_STR(buf, "custom 42 handler!");
	CHECK(WIFSIGNALED(status));
	CHECK_EQ_INT(WTERMSIG(status), SIGABRT);
	return 0;
}
