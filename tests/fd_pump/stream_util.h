/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A patterned byte stream fed into a pump and checked on the far side. */

#ifndef IV_TEST_STREAM_UTIL_H
#define IV_TEST_STREAM_UTIL_H

#include "pump_util.h"

/*
 * The writer feeds `total` pattern bytes into its descriptor in chunks of
 * `wchunk` and then closes it (end of file for the pump's source).  The
 * reader takes at most `rchunk` bytes per call, checks every byte, and
 * stops at end of file or, if `stop_at_total` is set, after `total`
 * bytes.
 */
struct stream {
	struct iv_fd	writer;
	struct iv_fd	reader;
	size_t		total;
	size_t		wchunk;
	size_t		rchunk;
	int		stop_at_total;
	size_t		sent;
	size_t		received;
	int		reader_eof;
	int		reader_done;
	int		short_reads;
};

static inline void stream_write(void *cookie)
{
	struct stream *s = cookie;
	unsigned char buf[65536];
	size_t n = s->total - s->sent;
	ssize_t ret;

	if (n > s->wchunk)
		n = s->wchunk;
	CHECK(n <= sizeof(buf));
	for (size_t i = 0; i < n; i++)
		buf[i] = pattern(s->sent + i);

	ret = write(s->writer.fd, buf, n);
	if (ret < 0) {
		CHECK(errno == EAGAIN);
		return;
	}
	s->sent += (size_t)ret;
	if (s->sent == s->total) {
		iv_fd_unregister(&s->writer);
		close(s->writer.fd);
	}
}

static inline void stream_read(void *cookie)
{
	struct stream *s = cookie;
	unsigned char buf[65536];
	size_t n = s->rchunk;
	ssize_t ret;

	CHECK(n <= sizeof(buf));
	ret = read(s->reader.fd, buf, n);
	if (ret < 0) {
		CHECK(errno == EAGAIN);
		return;
	}
	for (ssize_t i = 0; i < ret; i++)
		CHECK_EQ_INT(buf[i], pattern(s->received + (size_t)i));
	s->received += (size_t)ret;
	CHECK(s->received <= s->total);
	if ((size_t)ret < n && ret > 0)
		s->short_reads++;

	if (ret == 0)
		s->reader_eof = 1;
	if (ret == 0 || (s->stop_at_total && s->received == s->total)) {
		s->reader_done = 1;
		iv_fd_unregister(&s->reader);
	}
}

/* Start both ends; the descriptors are registered (so non-blocking). */
static inline void stream_start(struct stream *s, int wfd, int rfd,
				size_t total, size_t wchunk, size_t rchunk)
{
	memset(s, 0, sizeof(*s));
	s->total = total;
	s->wchunk = wchunk;
	s->rchunk = rchunk;

	IV_FD_INIT(&s->writer);
	s->writer.fd = wfd;
	s->writer.cookie = s;
	s->writer.handler_out = stream_write;
	iv_fd_register(&s->writer);

	IV_FD_INIT(&s->reader);
	s->reader.fd = rfd;
	s->reader.cookie = s;
	s->reader.handler_in = stream_read;
	iv_fd_register(&s->reader);
}

#endif
