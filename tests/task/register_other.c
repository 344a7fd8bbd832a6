/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A task registered during a pass runs in it unless it already ran. */

#include <iv.h>
#include "check.h"

/*
 * A readable fd (handler F) marks the end of every iteration.
 * Registered before iv_main(): A, S, Y.
 *   A (first run only) re-initialises B and registers it, then registers
 *     C, which was initialised before the loop and has not run yet;
 *   S re-registers itself for three runs;
 *   Y registers A again, which already ran in this pass.
 * C joins the current pass (it has not run yet); B waits because it was
 * initialised during the pass; S and A wait because they already ran.
 * Iteration 1: A S Y C F; iteration 2: B S A F; iteration 3: S F.
 */

static struct iv_task a, b, c, s, y;
static struct iv_fd f;
static char trace[32];
static int ntrace;
static int runs_a, runs_s, calls_f;

static void note(char ch)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = ch;
}

static void task_a(void *cookie)
{
	note('A');
	if (++runs_a == 1) {
		IV_TASK_INIT(&b);
		iv_task_register(&b);
		iv_task_register(&c);
	}
}

static void task_b(void *cookie)
{
	note('B');
}

static void task_c(void *cookie)
{
	note('C');
}

static void task_s(void *cookie)
{
	note('S');
	if (++runs_s < 3)
		iv_task_register(&s);
}

static void task_y(void *cookie)
{
	note('Y');
	iv_task_register(&a);
}

static void fd_in(void *cookie)
{
	note('F');
	if (++calls_f == 3)
		iv_fd_unregister(&f);
}

static void setup(struct iv_task *t, void (*handler)(void *))
{
	IV_TASK_INIT(t);
	t->handler = handler;
}

int main(void)
{
	int fds[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "x", 1) == 1);
	IV_FD_INIT(&f);
	f.fd = fds[0];
	f.handler_in = fd_in;
	iv_fd_register(&f);

	setup(&a, task_a);
	b.handler = task_b;
	setup(&c, task_c);
	setup(&s, task_s);
	setup(&y, task_y);
	iv_task_register(&a);
	iv_task_register(&s);
	iv_task_register(&y);

	iv_main();
	CHECK_EQ_STR(trace, "ASYCFBSAFSF");

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
