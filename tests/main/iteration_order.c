/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* One iteration runs timers, then tasks, then fd handlers. */

#include <iv.h>
#include "check.h"

/*
 * Before iv_main(): a due timer A, a task P and a readable pipe.
 * Expected first iteration: A (which registers task Q), P, Q, then the fd
 * handler F (which registers task R and a due timer B).  Second iteration:
 * B before R.  A far watchdog timer keeps a timeout on every poll so that
 * no implementation may legitimately skip a timer phase.
 */

static struct iv_timer a, b, watchdog;
static struct iv_task p, q, r;
static struct iv_fd f;
static char trace[32];
static int ntrace;
static char names[] = "PQR";

static void note(char c)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = c;
}

static void a_fired(void *cookie)
{
	note('A');
	iv_task_register(&q);
}

static void b_fired(void *cookie)
{
	note('B');
}

static void task_ran(void *cookie)
{
	note(*(const char *)cookie);
	if (cookie == r.cookie) {
		iv_fd_unregister(&f);
		iv_timer_unregister(&watchdog);
	}
}

static void fd_in(void *cookie)
{
	note('F');
	iv_fd_set_handler_in(&f, NULL);
	iv_task_register(&r);
	b.expires = iv_now;
	iv_timer_register(&b);
}

static void watchdog_fired(void *cookie)
{
	CHECK(!"the loop did not finish");
}

static void task_setup(struct iv_task *t, char *name)
{
	IV_TASK_INIT(t);
	t->cookie = name;
	t->handler = task_ran;
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

	task_setup(&p, &names[0]);
	task_setup(&q, &names[1]);
	task_setup(&r, &names[2]);
	iv_task_register(&p);

	IV_TIMER_INIT(&a);
	a.expires = iv_now;
	a.handler = a_fired;
	iv_timer_register(&a);
	IV_TIMER_INIT(&b);
	b.handler = b_fired;
	IV_TIMER_INIT(&watchdog);
	watchdog.expires = iv_now;
	watchdog.expires.tv_sec += 8;
	watchdog.handler = watchdog_fired;
	iv_timer_register(&watchdog);

	iv_main();
	CHECK_EQ_STR(trace, "APQFBR");

	close(fds[0]);
	close(fds[1]);
	iv_deinit();
	return 0;
}
