/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Scratch directories and an event log shared by the iv_inotify tests. */

#ifndef IV_TEST_INOTIFY_UTIL_H
#define IV_TEST_INOTIFY_UTIL_H

#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

/* A fresh directory under $TMPDIR (or /tmp), written into @dir. */
static inline void scratch_dir(char *dir, size_t size)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || !*tmp)
		tmp = "/tmp";
	CHECK((size_t)snprintf(dir, size, "%s/liana-inotify-XXXXXX", tmp) <
	      size);
	CHECK(mkdtemp(dir) != NULL);
}

static inline int rm_one(const char *path, const struct stat *sb, int type,
			 struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	return remove(path);
}

/* rm -rf @dir. */
static inline void scratch_remove(const char *dir)
{
	CHECK(nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS) == 0);
}

/* @dir/@name into @out. */
static inline void path_join(char *out, size_t size, const char *dir,
			     const char *name)
{
	CHECK((size_t)snprintf(out, size, "%s/%s", dir, name) < size);
}

static inline void touch(const char *dir, const char *name)
{
	char path[PATH_MAX];
	int fd;

	path_join(path, sizeof(path), dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	CHECK(fd >= 0);
	close(fd);
}

static inline void subdir(const char *dir, const char *name)
{
	char path[PATH_MAX];

	path_join(path, sizeof(path), dir, name);
	CHECK(mkdir(path, 0700) == 0);
}

/* One delivered event, as a handler saw it. */
struct seen {
	int		who;		/* the watch's tag */
	int		wd;
	uint32_t	mask;
	char		name[32];
};

static struct seen seen_log[64];
static int seen_count;

static inline void log_event(int who, const struct inotify_event *ev)
{
	struct seen *s;

	CHECK(seen_count < (int)(sizeof(seen_log) / sizeof(seen_log[0])));
	s = &seen_log[seen_count++];
	s->who = who;
	s->wd = ev->wd;
	s->mask = ev->mask;
	s->name[0] = 0;
	if (ev->len)
		snprintf(s->name, sizeof(s->name), "%s", ev->name);
}

/* Entry @i was delivered to watch @who for @name with @bit set. */
static inline void check_seen(int i, int who, uint32_t bit, const char *name)
{
	CHECK(i < seen_count);
	CHECK_EQ_INT(seen_log[i].who, who);
	CHECK(seen_log[i].mask & bit);
	CHECK_EQ_STR(seen_log[i].name, name);
}

#endif
