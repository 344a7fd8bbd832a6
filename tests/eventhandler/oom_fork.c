/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Allocation failures leave lists unchanged; fork; double deregister. */

#include <sys/wait.h>
#include "eh_test.h"

typedef void (*of_fn)(void *);
IV_EVENTHANDLER_DECLARE(of, of_fn);

static struct iv_eventhandler_list *L;
static int seen[16];
static int nseen;
static int stop;

static void rec(void *arg)
{
	if (nseen < 16)
		seen[nseen++] = (int)(intptr_t)arg;
}

static void quiet(void *arg)
{
}

static void *spin(void *arg)
{
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		IV_EVENTHANDLER_LIST_INVOKE(of, L);
	return NULL;
}

static struct iv_eventhandler_test_hooks hooks;

int main(void)
{
	iv_eventhandler_tag a, b, x;
	pthread_t th[4];
	int i, status;
	pid_t pid;

	TEST_BEGIN(20);
	L = iv_eventhandler_create_list("of");
	a = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)rec,
				     (void *)1, 1);
	b = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)rec,
				     (void *)2, 2);

	/* T45: fail each allocation site of register in turn. */
	for (i = 0; i < 3; i++) {
		hooks.fail_alloc_at = i;
		hooks.allocs = 0;
		iv_eventhandler__hooks = &hooks;
		errno = 0;
		x = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)rec,
					     (void *)3, 0);
		iv_eventhandler__hooks = NULL;
		if (x != NULL) {
			CHECK(i > 0);
			CHECK_EQ_INT(iv_eventhandler_deregister(L, x), 0);
			break;
		}
		CHECK_EQ_INT(errno, ENOMEM);
		nseen = 0;
		IV_EVENTHANDLER_LIST_INVOKE(of, L);
		CHECK_EQ_INT(nseen, 2);
		CHECK_EQ_INT(seen[0], 1);
		CHECK_EQ_INT(seen[1], 2);
	}
	/* A new list fails too, and is not created. */
	hooks.fail_alloc_at = 0;
	hooks.allocs = 0;
	iv_eventhandler__hooks = &hooks;
	CHECK(iv_eventhandler_register(NULL, "oomlist",
				       (iv_eventhandler_fn)rec, NULL,
				       0) == NULL);
	iv_eventhandler__hooks = NULL;
	CHECK(iv_eventhandler_find_list("oomlist") == NULL);

	/* T46: the snapshot allocation of deregister fails. */
	hooks.fail_alloc_at = 0;
	hooks.allocs = 0;
	iv_eventhandler__hooks = &hooks;
	CHECK_EQ_INT(iv_eventhandler_deregister(L, a), 0);
	iv_eventhandler__hooks = NULL;
	nseen = 0;
	IV_EVENTHANDLER_LIST_INVOKE(of, L);
	CHECK_EQ_INT(nseen, 1);
	CHECK_EQ_INT(seen[0], 2);
	CHECK_EQ_INT(iv_eventhandler_prune_list(L), 0);
	CHECK_EQ_INT(iv_eventhandler_count(L), 1);

	/* T47: a double deregister is refused (debug builds abort). */
	pid = fork();
	if (pid == 0) {
		int r = iv_eventhandler_deregister(L, a);

		_exit(r == -EINVAL ? 0 : 1);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
#ifdef NDEBUG
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
#else
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
#endif

	/* T48: fork while 4 threads invoke (only the quiet handler). */
	CHECK_EQ_INT(iv_eventhandler_deregister(L, b), 0);
	iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)quiet, NULL, 9);
	for (i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, spin, NULL);
	eh_sleep_ms(20);
	pid = fork();
	if (pid == 0) {
		alarm(5);
		x = iv_eventhandler_register(L, NULL, (iv_eventhandler_fn)rec,
					     (void *)5, 0);
		nseen = 0;
		IV_EVENTHANDLER_LIST_INVOKE(of, L);
		if (nseen != 1 || seen[0] != 5)
			_exit(2);
		if (iv_eventhandler_deregister(L, x) != 0)
			_exit(3);
		if (iv_eventhandler_deregister_all(L) != 0)
			_exit(4);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fprintf(stderr, "child status %#x\n", status);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < 4; i++)
		pthread_join(th[i], NULL);

	iv_eventhandler_shutdown();
	return 0;
}
