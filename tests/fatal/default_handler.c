/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_set_fatal_msg_handler(NULL) restores the default: log and abort. */

#include <signal.h>
#include <iv.h>
#include "fatal_helper.h"

static void exit_three(const char *msg)
{
	_exit(3);
}

static void restore_then_fatal(void *arg)
{
	iv_set_fatal_msg_handler(exit_three);
	iv_set_fatal_msg_handler(NULL);
	iv_fatal("default handler test");
}

static void replace_then_fatal(void *arg)
{
	/* The last handler installed wins. */
	iv_set_fatal_msg_handler(NULL);
	iv_set_fatal_msg_handler(exit_three);
	iv_fatal("replaced handler test");
}

int main(void)
{
	int status;

	TEST_BEGIN(10);
	status = run_in_child(restore_then_fatal, NULL);
	CHECK(WIFSIGNALED(status));
	CHECK_EQ_INT(WTERMSIG(status), SIGABRT);

	status = run_in_child(replace_then_fatal, NULL);
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 3);
	return 0;
}
