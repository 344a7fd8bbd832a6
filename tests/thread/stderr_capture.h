/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Send stderr to a temporary file for a while and read back what came. */

#ifndef IV_TEST_STDERR_CAPTURE_H
#define IV_TEST_STDERR_CAPTURE_H

#include <pthread.h>
#include <stdio.h>
#include "check.h"

struct capture {
	FILE	*file;
	int	saved_fd;
};

static inline void capture_start(struct capture *c)
{
	fflush(stderr);
	c->file = tmpfile();
	CHECK(c->file != NULL);
	c->saved_fd = dup(2);
	CHECK(c->saved_fd >= 0);
	CHECK_EQ_INT(dup2(fileno(c->file), 2), 2);
}

/* Restores stderr; returns everything written meanwhile (free() it). */
static inline char *capture_end(struct capture *c)
{
	long len;
	char *buf;

	fflush(stderr);
	CHECK_EQ_INT(dup2(c->saved_fd, 2), 2);
	close(c->saved_fd);
	len = ftell(c->file);
	CHECK(len >= 0);
	buf = malloc(len + 1);
	CHECK(buf != NULL);
	rewind(c->file);
	CHECK_EQ_INT(fread(buf, 1, len, c->file), len);
	buf[len] = 0;
	fclose(c->file);
	return buf;
}

/* How often a whole line equal to `line` occurs in `text`. */
static inline int count_lines(const char *text, const char *line)
{
	size_t len = strlen(line);
	const char *p = text;
	int n = 0;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t l = eol ? (size_t)(eol - p) : strlen(p);

		if (l == len && memcmp(p, line, len) == 0)
			n++;
		p += l + (eol != NULL);
	}
	return n;
}

/* Offset of the line equal to `line` in `text`, or -1. */
static inline long line_offset(const char *text, const char *line)
{
	size_t len = strlen(line);
	const char *p = text;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t l = eol ? (size_t)(eol - p) : strlen(p);

		if (l == len && memcmp(p, line, len) == 0)
			return p - text;
		p += l + (eol != NULL);
	}
	return -1;
}

/* Threads of this process that the kernel still counts. */
static inline int count_tasks_now(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	int n = -1;

	CHECK(f != NULL);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "Threads: %d", &n) == 1)
			break;
	}
	fclose(f);
	return n;
}

/*
 * The thread count once it has dropped to `want`, or after two seconds.
 * A joined thread may still be counted for a moment: the kernel wakes the
 * joiner before it has finished tearing the thread down.
 */
static inline int count_tasks(int want)
{
	int i, n = count_tasks_now();

	for (i = 0; i < 200 && n != want; i++) {
		usleep(10000);
		n = count_tasks_now();
	}
	return n;
}

static inline void *task_baseline_thread(void *arg)
{
	return arg;
}

/*
 * The thread count with no test thread running: the main thread plus any
 * helper a sanitizer runtime starts at the first pthread_create (TSan
 * does).  Compare count_tasks() with this rather than with 1.
 */
static inline int task_baseline(void)
{
	pthread_t t;
	int i, n, low;

	CHECK_EQ_INT(pthread_create(&t, NULL, task_baseline_thread, NULL), 0);
	CHECK_EQ_INT(pthread_join(t, NULL), 0);
	low = count_tasks_now();
	for (i = 0; i < 10; i++) {
		usleep(10000);
		n = count_tasks_now();
		if (n < low)
			low = n;
	}
	return low;
}

#endif
