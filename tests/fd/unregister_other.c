/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* An fd unregistered by another fd's handler is not called and may be freed. */

#include <stdlib.h>
#include <iv.h>
#include "check.h"

/*
 * Both pipes are readable before iv_main(), so both fds are in the first
 * dispatch batch.  Whichever handler runs first unregisters and frees the
 * other fd, then itself.  The freed one must never be called.
 */

struct peer {
	struct iv_fd	fd;
	struct peer	*other;
	int		calls;
};

static struct peer *survivor;
static int total_calls;

static void fd_in(void *cookie)
{
	struct peer *p = cookie;

	p->calls++;
	total_calls++;
	survivor = p;
	if (p->other != NULL) {
		iv_fd_unregister(&p->other->fd);
		free(p->other);
		p->other = NULL;
	}
	iv_fd_unregister(&p->fd);
}

int main(void)
{
	struct peer *a, *b;
	int pa[2], pb[2];

	TEST_BEGIN(10);
	iv_init();

	CHECK(pipe(pa) == 0);
	CHECK(pipe(pb) == 0);
	CHECK(write(pa[1], "a", 1) == 1);
	CHECK(write(pb[1], "b", 1) == 1);
	a = calloc(1, sizeof(*a));
	b = calloc(1, sizeof(*b));
	CHECK(a != NULL && b != NULL);
	a->other = b;
	b->other = a;
	IV_FD_INIT(&a->fd);
	a->fd.fd = pa[0];
	a->fd.cookie = a;
	a->fd.handler_in = fd_in;
	iv_fd_register(&a->fd);
	IV_FD_INIT(&b->fd);
	b->fd.fd = pb[0];
	b->fd.cookie = b;
	b->fd.handler_in = fd_in;
	iv_fd_register(&b->fd);

	iv_main();
	CHECK_EQ_INT(total_calls, 1);

	/* The one that ran freed the other. */
	CHECK(survivor == a || survivor == b);
	CHECK_EQ_INT(survivor->calls, 1);
	CHECK(!iv_fd_registered(&survivor->fd));
	free(survivor);

	close(pa[0]);
	close(pa[1]);
	close(pb[0]);
	close(pb[1]);
	iv_deinit();
	return 0;
}
