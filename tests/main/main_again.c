/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_main() may be called again after it returned, also after iv_quit(). */

#include <iv.h>
#include "check.h"

static int fired;

static void quit_now(void *cookie)
{
	fired++;
	iv_quit();
}

static void count(void *cookie)
{
	fired++;
}

int main(void)
{
	struct iv_fd idle;
	struct iv_timer t;
	int p[2];

	TEST_BEGIN(10);
	iv_init();

	/* An fd without handlers keeps the loop alive; the timer quits. */
	CHECK(pipe(p) == 0);
	IV_FD_INIT(&idle);
	idle.fd = p[0];
	iv_fd_register(&idle);

	IV_TIMER_INIT(&t);
	t.expires = iv_now;
	t.handler = quit_now;
	iv_timer_register(&t);
	iv_main();
	CHECK_EQ_INT(fired, 1);

	/* Second run: the quit flag of the first run is gone. */
	t.expires = iv_now;
	iv_timer_register(&t);
	iv_main();
	CHECK_EQ_INT(fired, 2);

	/* Third run ends because nothing is left. */
	iv_fd_unregister(&idle);
	t.expires = iv_now;
	t.handler = count;
	iv_timer_register(&t);
	iv_main();
	CHECK_EQ_INT(fired, 3);

	close(p[0]);
	close(p[1]);
	iv_deinit();
	return 0;
}
