/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Single-threaded basics: lists, order, arguments, deregistering, errors. */

#include "eh_test.h"

struct big {
	int	x;
	char	s[8];
};

typedef void (*args_fn)(void *, int, long long, double, const char *,
			struct big *);
IV_EVENTHANDLER_DECLARE(args_ev, args_fn);
typedef void (*plain_fn)(void *, int);
IV_EVENTHANDLER_DECLARE(e1, plain_fn);
IV_EVENTHANDLER_DECLARE(nope, plain_fn);
IV_EVENTHANDLER_DECLARE(order, plain_fn);
IV_EVENTHANDLER_DECLARE(ties, plain_fn);
IV_EVENTHANDLER_DECLARE(evals, plain_fn);
typedef void (*zero_fn)(void *);
IV_EVENTHANDLER_DECLARE(zero, zero_fn);

static int seen[512];
static int nseen;
static int args_ok;
static int zero_calls;
static int evaluated;

static void record(void *arg, int unused)
{
	CHECK(nseen < 512);
	seen[nseen++] = (int)(intptr_t)arg;
}

static void args_handler(void *arg, int i, long long ll, double d,
			 const char *s, struct big *b)
{
	CHECK(arg == &args_ok);
	CHECK_EQ_INT(i, -7);
	CHECK(ll == 1LL << 40);
	CHECK(d == 2.5);
	CHECK_EQ_STR(s, "hello");
	CHECK_EQ_INT(b->x, 99);
	args_ok++;
}

static void zero_handler(void *arg)
{
	zero_calls++;
}

static int bump(void)
{
	return ++evaluated;
}

static void reset(void)
{
	nseen = 0;
}

int main(void)
{
	struct iv_eventhandler_list *l;
	iv_eventhandler_tag t[8], tt[200];
	struct big b = { 99, "x" };
	int pri[6] = { 20000, 0, 10000, 5, -3, INT_MAX };
	int want[6] = { -3, 0, 5, 10000, 20000, INT_MAX };
	int i, j;

	TEST_BEGIN(10);

	/* T01 */
	t[0] = IV_EVENTHANDLER_REGISTER(e1, record, (void *)1, 0);
	CHECK(t[0] != NULL);
	l = iv_eventhandler_find_list("e1");
	CHECK(l != NULL);
	CHECK(iv_eventhandler_find_list("never-used") == NULL);
	CHECK(iv_eventhandler_create_list("e1") == l);
	CHECK_EQ_INT(iv_eventhandler_count(l), 1);

	/* T02: no allocation, no list created. */
	eh_count_allocs();
	for (i = 0; i < 1000; i++)
		IV_EVENTHANDLER_INVOKE(nope, 1);
	CHECK_EQ_INT(eh_allocs(), 0);
	iv_eventhandler__hooks = NULL;
	CHECK(iv_eventhandler_find_list("nope") == NULL);

	/* T03 */
	CHECK_EQ_INT(iv_eventhandler_deregister(l, t[0]), 0);
	reset();
	IV_EVENTHANDLER_INVOKE(e1, 0);
	CHECK_EQ_INT(nseen, 0);
	CHECK(iv_eventhandler_find_list("e1") == l);
	t[0] = IV_EVENTHANDLER_REGISTER(e1, record, (void *)5, 0);
	IV_EVENTHANDLER_INVOKE(e1, 0);
	CHECK_EQ_INT(nseen, 1);
	CHECK_EQ_INT(seen[0], 5);

	/* T04 */
	for (i = 0; i < 6; i++)
		IV_EVENTHANDLER_REGISTER(order, record,
					 (void *)(intptr_t)pri[i], pri[i]);
	reset();
	IV_EVENTHANDLER_INVOKE(order, 0);
	CHECK_EQ_INT(nseen, 6);
	for (i = 0; i < 6; i++)
		CHECK_EQ_INT(seen[i], want[i]);

	/* T05: FIFO within a priority. */
	for (i = 0; i < 100; i++) {
		int p = i % 3 == 0 ? IV_EVENTHANDLER_PRI_FIRST :
			i % 3 == 1 ? IV_EVENTHANDLER_PRI_ANY :
				     IV_EVENTHANDLER_PRI_LAST;

		tt[i] = IV_EVENTHANDLER_REGISTER(ties, record,
						 (void *)(intptr_t)i, p);
	}
	reset();
	IV_EVENTHANDLER_INVOKE(ties, 0);
	CHECK_EQ_INT(nseen, 100);
	for (j = 0, i = 0; i < 100; i += 3)
		CHECK_EQ_INT(seen[j++], i);
	for (i = 1; i < 100; i += 3)
		CHECK_EQ_INT(seen[j++], i);
	for (i = 2; i < 100; i += 3)
		CHECK_EQ_INT(seen[j++], i);

	CHECK(tt[99] != NULL);

	/* T06 */
	IV_EVENTHANDLER_REGISTER(args_ev, args_handler, &args_ok, 0);
	IV_EVENTHANDLER_INVOKE(args_ev, -7, 1LL << 40, 2.5, "hello", &b);
	CHECK_EQ_INT(args_ok, 1);
	IV_EVENTHANDLER_REGISTER(zero, zero_handler, NULL, 0);
	IV_EVENTHANDLER_INVOKE(zero);
	CHECK_EQ_INT(zero_calls, 1);

	/* T07: arguments are evaluated once per handler called. */
	IV_EVENTHANDLER_INVOKE(evals, bump());
	CHECK_EQ_INT(evaluated, 0);
	IV_EVENTHANDLER_REGISTER(evals, record, NULL, 0);
	IV_EVENTHANDLER_REGISTER(evals, record, NULL, 0);
	IV_EVENTHANDLER_REGISTER(evals, record, NULL, 0);
	reset();
	IV_EVENTHANDLER_INVOKE(evals, bump());
	CHECK_EQ_INT(evaluated, 3);

	/* T08, T09 */
	l = iv_eventhandler_create_list("dups");
	t[0] = iv_eventhandler_register(l, NULL, (iv_eventhandler_fn)record,
					(void *)1, 0);
	t[1] = iv_eventhandler_register(NULL, "dups",
					(iv_eventhandler_fn)record,
					(void *)2, 0);
	t[2] = iv_eventhandler_register(l, NULL, (iv_eventhandler_fn)record,
					(void *)1, 0);
	CHECK(t[0] != t[2]);
	reset();
	IV_EVENTHANDLER_LIST_INVOKE(e1, l, 0);
	CHECK_EQ_INT(nseen, 3);
	CHECK_EQ_INT(iv_eventhandler_deregister(l, t[1]), 0);
	reset();
	IV_EVENTHANDLER_LIST_INVOKE(e1, l, 0);
	CHECK_EQ_INT(nseen, 2);
	CHECK_EQ_INT(seen[0], 1);
	CHECK_EQ_INT(seen[1], 1);
	CHECK_EQ_INT(iv_eventhandler_deregister_nowait(l, t[0]), 0);
	reset();
	IV_EVENTHANDLER_LIST_INVOKE(e1, l, 0);
	CHECK_EQ_INT(nseen, 1);

	/* T10 */
	CHECK_EQ_INT(iv_eventhandler_deregister(l, NULL), -EINVAL);
	CHECK_EQ_INT(iv_eventhandler_deregister_all(l), 0);
	CHECK_EQ_INT(iv_eventhandler_count(l), 0);
	reset();
	IV_EVENTHANDLER_LIST_INVOKE(e1, l, 0);
	CHECK_EQ_INT(nseen, 0);
	CHECK(iv_eventhandler_find_list("dups") == l);
	t[0] = iv_eventhandler_register(l, NULL, (iv_eventhandler_fn)record,
					(void *)3, 0);
	IV_EVENTHANDLER_LIST_INVOKE(e1, l, 0);
	CHECK_EQ_INT(nseen, 1);

	/* T47: invalid arguments leave everything unchanged. */
	errno = 0;
	CHECK(iv_eventhandler_register(l, NULL, NULL, NULL, 0) == NULL);
	CHECK_EQ_INT(errno, EINVAL);
	errno = 0;
	CHECK(iv_eventhandler_register(NULL, NULL,
				       (iv_eventhandler_fn)record,
				       NULL, 0) == NULL);
	CHECK_EQ_INT(errno, EINVAL);
	CHECK(iv_eventhandler_create_list(NULL) == NULL);
	CHECK(iv_eventhandler_create_list("") == NULL);
	CHECK_EQ_INT(iv_eventhandler_deregister(iv_eventhandler_find_list(
							"e1"), t[0]), -EINVAL);
	CHECK_EQ_INT(iv_eventhandler_deregister_all(NULL), -EINVAL);
	CHECK_EQ_INT(iv_eventhandler_count(l), 1);

	/* T49: everything freed (valgrind checks). */
	iv_eventhandler_shutdown();
	return 0;
}
