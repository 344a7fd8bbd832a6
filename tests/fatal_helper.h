/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Helpers that run a scenario in a forked child and check its iv_fatal. */

#ifndef IV_TEST_FATAL_HELPER_H
#define IV_TEST_FATAL_HELPER_H

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <iv.h>
#include "check.h"

/*
 * The expectation lives in globals because the fatal message handler gets
 * nothing but the message.  Only the forked child ever sets them.
 */
static const char *fatal_helper_want;
static int fatal_helper_prefix;

static inline void fatal_helper_compare(const char *msg)
{
	size_t len = strlen(fatal_helper_want);
	int ok;

	if (fatal_helper_prefix)
		ok = strncmp(msg, fatal_helper_want, len) == 0;
	else
		ok = strcmp(msg, fatal_helper_want) == 0;
	if (!ok) {
		fprintf(stderr, "fatal message \"%s\", want %s\"%s\"\n", msg,
			fatal_helper_prefix ? "a prefix " : "",
			fatal_helper_want);
		_exit(1);
	}
	_exit(0);
}

/*
 * Forks; the child disables core dumps, arms a five second watchdog, runs
 * fn(arg) and exits with status 0 if fn returns.  The parent returns the
 * child's wait status.
 */
static inline int run_in_child(void (*fn)(void *), void *arg)
{
	pid_t pid;
	int status;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 0, 0 };

		setrlimit(RLIMIT_CORE, &rl);
		alarm(5);
		fn(arg);
		_exit(0);
	}
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	return status;
}

struct fatal_helper_call {
	void		(*fn)(void *);
	void		*arg;
	const char	*want;
	int		prefix;
};

static inline void fatal_helper_child(void *cookie)
{
	struct fatal_helper_call *c = cookie;

	fatal_helper_want = c->want;
	fatal_helper_prefix = c->prefix;
	iv_set_fatal_msg_handler(fatal_helper_compare);
	c->fn(c->arg);
	fprintf(stderr, "expected fatal \"%s\" did not happen\n", c->want);
	_exit(2);
}

static inline void fatal_helper_run(void (*fn)(void *), void *arg,
				    const char *want, int prefix)
{
	struct fatal_helper_call c = { fn, arg, want, prefix };
	int status;

	status = run_in_child(fatal_helper_child, &c);
	if (WIFSIGNALED(status))
		fprintf(stderr, "child expecting \"%s\" died of signal %d\n",
			want, WTERMSIG(status));
	CHECK(WIFEXITED(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 0);
}

/* fn(arg), run in a child, must end in iv_fatal with exactly this text. */
static inline void expect_fatal(void (*fn)(void *), void *arg,
				const char *want)
{
	fatal_helper_run(fn, arg, want, 0);
}

/* Likewise, but the message only has to start with want. */
static inline void expect_fatal_prefix(void (*fn)(void *), void *arg,
				       const char *want)
{
	fatal_helper_run(fn, arg, want, 1);
}

#endif
