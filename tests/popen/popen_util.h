/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Helpers shared by the iv_popen test programs. */

#ifndef IV_TEST_POPEN_UTIL_H
#define IV_TEST_POPEN_UTIL_H

#include <iv_popen.h>
#include "wait/wait_util.h"

/* A string literal as the char * that argv wants. */
#define ARG(s)	((char *)(uintptr_t)(s))

/* Collects what a child writes until end of file, in the loop. */
struct reader {
	struct iv_fd	fd;
	char		buf[4096];
	size_t		len;
	int		eof;
	void		(*done)(struct reader *r);
};

static inline void reader_in(void *cookie)
{
	struct reader *r = cookie;
	ssize_t n;

	n = read(r->fd.fd, r->buf + r->len, sizeof(r->buf) - 1 - r->len);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	CHECK(n >= 0);
	r->len += n;
	r->buf[r->len] = 0;
	if (n == 0 || r->len == sizeof(r->buf) - 1) {
		r->eof = 1;
		iv_fd_unregister(&r->fd);
		close(r->fd.fd);
		if (r->done != NULL)
			r->done(r);
	}
}

static inline void reader_start(struct reader *r, int fd,
				void (*done)(struct reader *r))
{
	IV_FD_INIT(&r->fd);
	r->fd.fd = fd;
	r->fd.cookie = r;
	r->fd.handler_in = reader_in;
	r->len = 0;
	r->eof = 0;
	r->buf[0] = 0;
	r->done = done;
	iv_fd_register(&r->fd);
}

static inline void request_setup(struct iv_popen_request *req,
				 const char *file, char **argv,
				 const char *type)
{
	IV_POPEN_REQUEST_INIT(req);
	req->file = (char *)(uintptr_t)file;
	req->argv = argv;
	req->type = (char *)(uintptr_t)type;
}

/* Whether no child of the test process exists, not even a zombie.  It
 * only looks: a zombie is the library's to reap. */
static inline int no_children(void)
{
	siginfo_t si;

	return waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) < 0 &&
	       errno == ECHILD;
}

static inline void check_no_children(void)
{
	CHECK(no_children());
}

#endif
