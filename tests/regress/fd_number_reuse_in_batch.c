/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A stale readiness entry is not delivered to a new fd reusing the number. */

#include <iv.h>
#include "check.h"

/*
 * Pipes A and B are readable, so both are in the first dispatch batch.
 * Whichever handler runs first unregisters the other, closes its read end,
 * makes a new readable pipe whose read end is moved to the number just
 * closed, and registers a new iv_fd C on it, plus a task.  The stale
 * batch entry must be dropped: C's first call comes in the next iteration,
 * after the task.
 */

struct end {
	int		rfd;
	int		wfd;
	struct iv_fd	fd;
};

static struct end ends[3];
static char trace[8];
static int ntrace;
static struct iv_task task;

static void note(char c)
{
	CHECK(ntrace < (int)sizeof(trace) - 1);
	trace[ntrace++] = c;
}

static void open_end(struct end *e, void (*handler)(void *))
{
	int fds[2];

	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "x", 1) == 1);
	e->rfd = fds[0];
	e->wfd = fds[1];
	IV_FD_INIT(&e->fd);
	e->fd.fd = e->rfd;
	e->fd.cookie = e;
	e->fd.handler_in = handler;
}

static void in_c(void *cookie)
{
	note('C');
	iv_fd_unregister(&ends[2].fd);
}

static void in_ab(void *cookie)
{
	struct end *self = cookie;
	struct end *other = self == &ends[0] ? &ends[1] : &ends[0];
	int old;

	note('X');
	iv_fd_unregister(&self->fd);
	iv_fd_unregister(&other->fd);
	old = other->rfd;
	close(other->rfd);
	other->rfd = -1;
	open_end(&ends[2], in_c);
	if (ends[2].rfd != old) {
		CHECK_EQ_INT(dup2(ends[2].rfd, old), old);
		close(ends[2].rfd);
		ends[2].rfd = old;
		ends[2].fd.fd = old;
	}
	iv_fd_register(&ends[2].fd);
	iv_task_register(&task);
}

static void task_ran(void *cookie)
{
	note('T');
}

int main(void)
{
	int i;

	TEST_BEGIN(10);
	iv_init();

	IV_TASK_INIT(&task);
	task.handler = task_ran;
	open_end(&ends[0], in_ab);
	open_end(&ends[1], in_ab);
	iv_fd_register(&ends[0].fd);
	iv_fd_register(&ends[1].fd);

	iv_main();
	CHECK_EQ_STR(trace, "XTC");

	for (i = 0; i < 3; i++) {
		if (ends[i].rfd >= 0)
			close(ends[i].rfd);
		close(ends[i].wfd);
	}
	iv_deinit();
	return 0;
}
