/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A type other than exactly "r" or "w" is refused with a message on
 * stderr and -1; no child, no descriptor, nothing registered. */

/*
 * The NULL type is Liana only: ivykis 0.42 dereferences it.
 */

#include "popen_util.h"

#define MSG	"iv_popen_request_submit: invalid type\n"

static char *argv[] = { ARG("true"), NULL };

int main(void)
{
	static const char *const types[] = { "rw", "", "R", "r ", "wr", NULL };
	const size_t ntypes = sizeof(types) / sizeof(types[0]);
	struct iv_popen_request req;
	char buf[1024];
	int saved_stderr;
	int fds_before;
	int p[2];
	size_t i;
	ssize_t n;

	TEST_BEGIN(10);
	iv_init();
	fds_before = count_fds();

	CHECK_EQ_INT(pipe(p), 0);
	fflush(stderr);
	saved_stderr = dup(2);
	CHECK(saved_stderr >= 0);
	CHECK_EQ_INT(dup2(p[1], 2), 2);
	close(p[1]);

	for (i = 0; i < ntypes; i++) {
		request_setup(&req, "true", argv, types[i]);
		req.child = &req;
		CHECK_EQ_INT(iv_popen_request_submit(&req), -1);
		CHECK(req.child == &req);
	}

	fflush(stderr);
	CHECK_EQ_INT(dup2(saved_stderr, 2), 2);
	close(saved_stderr);
	n = read(p[0], buf, sizeof(buf) - 1);
	close(p[0]);
	CHECK_EQ_INT(n, (ssize_t)(ntypes * strlen(MSG)));
	buf[n] = 0;
	for (i = 0; i < ntypes; i++)
		CHECK(!strncmp(buf + i * strlen(MSG), MSG, strlen(MSG)));

	CHECK_EQ_INT(count_fds(), fds_before);
	check_no_children();
	iv_main();	/* returns at once: nothing is registered */
	iv_deinit();
	return 0;
}
