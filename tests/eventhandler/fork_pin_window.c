/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/*
 * Portable read path: fork() while another thread holds a snapshot
 * reference that its frame does not record yet (taken, not stored), and
 * the snapshot has meanwhile been replaced.  The thread does not exist in
 * the child; its reference must not keep the old snapshot alive there.
 * (Regression: eventhandler.oom_fork leaked under valgrind.)
 */

#include <stdlib.h>
#include <sys/wait.h>
#include "eh_test.h"

typedef void (*fp_fn)(void *);
IV_EVENTHANDLER_DECLARE(fp, fp_fn);

static struct iv_eventhandler_list *L;
static __thread int parker;	/* this thread parks in the hook */
static int parked;
static int release;

static void quiet(void *arg)
{
}

static void park(struct iv_eventhandler_list *list)
{
	if (!parker)
		return;
	parker = 0;
	__atomic_store_n(&parked, 1, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&release, __ATOMIC_ACQUIRE))
		eh_sleep_ms(1);
}

static struct iv_eventhandler_test_hooks hooks = {
	.fail_alloc_at = -1,
	.after_snap_get = park,
};

static void *invoker(void *arg)
{
	parker = 1;
	IV_EVENTHANDLER_LIST_INVOKE(fp, L);
	return NULL;
}

static int child(void)
{
	iv_eventhandler_tag t;

	alarm(5);
	/* Only the list's current snapshot is in use. */
	if (iv_eventhandler__snaps_in_use() != 1)
		return 2;
	t = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)quiet,
				     NULL, 0);
	if (t == NULL || iv_eventhandler__snaps_in_use() != 1)
		return 3;
	if (iv_eventhandler_deregister_all(L) != 0)
		return 4;
	if (iv_eventhandler__snaps_in_use() != 0)
		return 5;
	iv_eventhandler_shutdown();
	return 0;
}

int main(void)
{
	const char *portable = getenv("IV_EVENTHANDLER_PORTABLE");
	pthread_t th;
	int status;
	pid_t pid;

	TEST_BEGIN(20);
	if (portable == NULL || *portable != '1')
		return TEST_SKIP;	/* the slot path takes no references */

	L = iv_eventhandler_create_list("fp");
	CHECK(iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)quiet,
				       NULL, 1) != NULL);
	iv_eventhandler__hooks = &hooks;
	CHECK_EQ_INT(pthread_create(&th, NULL, invoker, NULL), 0);
	while (!__atomic_load_n(&parked, __ATOMIC_ACQUIRE))
		eh_sleep_ms(1);

	/* Replace the snapshot the parked thread holds a reference on. */
	CHECK(iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)quiet,
				       NULL, 2) != NULL);
	CHECK_EQ_INT(iv_eventhandler__snaps_in_use(), 2);

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(child());
	CHECK_EQ_INT(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fprintf(stderr, "child status %#x\n", status);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	/* The parent is unaffected: the old snapshot goes when the thread
	 * lets go of it. */
	__atomic_store_n(&release, 1, __ATOMIC_RELEASE);
	CHECK_EQ_INT(pthread_join(th, NULL), 0);
	iv_eventhandler__hooks = NULL;
	CHECK_EQ_INT(iv_eventhandler__snaps_in_use(), 1);
	iv_eventhandler_shutdown();
	return 0;
}
