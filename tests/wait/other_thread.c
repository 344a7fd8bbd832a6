/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Interests in two threads: each handler runs in its registering thread,
 * and kill works from a thread that does not own the interest. */

#include <pthread.h>
#include "wait_util.h"

struct side {
	pthread_t		thread;
	pid_t			pid;
	struct iv_wait_interest	w;
	pthread_t		ran_in;
	int			calls;
	int			status;
};

static struct side sides[2];
static pthread_barrier_t registered;

static void got_status(void *cookie, int status, const struct rusage *ru)
{
	struct side *s = cookie;

	s->ran_in = pthread_self();
	s->calls++;
	s->status = status;
	iv_wait_interest_unregister(&s->w);
}

static void *thread_main(void *arg)
{
	struct side *s = arg;

	iv_init();
	interest_setup(&s->w, s->pid, got_status, s);
	iv_wait_interest_register(&s->w);
	pthread_barrier_wait(&registered);
	iv_main();
	iv_deinit();

	return NULL;
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	CHECK_EQ_INT(pthread_barrier_init(&registered, NULL, 3), 0);
	for (i = 0; i < 2; i++) {
		sides[i].pid = fork_sleeper();
		CHECK_EQ_INT(pthread_create(&sides[i].thread, NULL,
					    thread_main, &sides[i]), 0);
	}
	pthread_barrier_wait(&registered);

	/* Not the owning thread, and no loop at all in this one. */
	CHECK_EQ_INT(iv_wait_interest_kill(&sides[0].w, SIGTERM), 0);
	CHECK_EQ_INT(iv_wait_interest_kill(&sides[1].w, SIGKILL), 0);

	for (i = 0; i < 2; i++) {
		CHECK_EQ_INT(pthread_join(sides[i].thread, NULL), 0);
		CHECK_EQ_INT(sides[i].calls, 1);
		CHECK(pthread_equal(sides[i].ran_in, sides[i].thread));
		CHECK(WIFSIGNALED(sides[i].status));
	}
	CHECK_EQ_INT(WTERMSIG(sides[0].status), SIGTERM);
	CHECK_EQ_INT(WTERMSIG(sides[1].status), SIGKILL);
	pthread_barrier_destroy(&registered);
	return 0;
}
