/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Input on 1000 socket pairs at once is delivered to every one of them. */

#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <iv.h>
#include "check.h"

#define NPAIRS	1000

struct pair {
	int		sv[2];
	struct iv_fd	fd;
	int		calls;
};

static int delivered;

static void fd_in(void *cookie)
{
	struct pair *p = cookie;
	char buf[8];

	CHECK_EQ_INT(read(p->sv[0], buf, sizeof(buf)), 1);
	p->calls++;
	delivered++;
	iv_fd_unregister(&p->fd);
}

int main(void)
{
	struct pair *pairs;
	struct rlimit rl;
	int round;
	int i;

	TEST_BEGIN(30);
	/* iv_init() raises the soft descriptor limit as far as it may. */
	iv_init();
	CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0);
	if (rl.rlim_cur < 2 * NPAIRS + 64) {
		fprintf(stderr, "RLIMIT_NOFILE %llu is too low\n",
			(unsigned long long)rl.rlim_cur);
		iv_deinit();
		return TEST_SKIP;
	}

	pairs = calloc(NPAIRS, sizeof(*pairs));
	CHECK(pairs != NULL);
	for (i = 0; i < NPAIRS; i++) {
		struct pair *p = &pairs[i];

		CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, p->sv) == 0);
		IV_FD_INIT(&p->fd);
		p->fd.fd = p->sv[0];
		p->fd.cookie = p;
		p->fd.handler_in = fd_in;
	}

	/* Two rounds: all become ready before the first poll of each. */
	for (round = 0; round < 2; round++) {
		delivered = 0;
		for (i = 0; i < NPAIRS; i++) {
			iv_fd_register(&pairs[i].fd);
			CHECK(write(pairs[i].sv[1], "x", 1) == 1);
		}
		iv_main();
		CHECK_EQ_INT(delivered, NPAIRS);
		for (i = 0; i < NPAIRS; i++)
			CHECK_EQ_INT(pairs[i].calls, round + 1);
	}

	for (i = 0; i < NPAIRS; i++) {
		close(pairs[i].sv[0]);
		close(pairs[i].sv[1]);
	}
	free(pairs);
	iv_deinit();
	return 0;
}
