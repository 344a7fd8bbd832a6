/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A queue overflow (IN_Q_OVERFLOW, wd -1) reaches every watch of the
 * instance.  Liana-specific: ivykis 0.42 delivers it to no watch. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_inotify_watch w[2];
static long modified;
static int overflow[2];

static void got(void *cookie, struct inotify_event *ev)
{
	int who = (int)((struct iv_inotify_watch *)cookie - w);

	if (ev->mask & IN_Q_OVERFLOW) {
		CHECK_EQ_INT(ev->wd, -1);
		overflow[who]++;
		/* In wd order: the second watch is the last to hear. */
		if (who == 1) {
			CHECK_EQ_INT(overflow[0], 1);
			iv_inotify_watch_unregister(&w[0]);
			iv_inotify_watch_unregister(&w[1]);
			iv_inotify_unregister(&in);
		}
		return;
	}

	CHECK_EQ_INT(who, 0);
	CHECK(ev->mask & IN_MODIFY);
	CHECK_EQ_INT(ev->wd, w[0].wd);
	CHECK_EQ_INT(overflow[0], 0);
	modified++;
}

static long read_limit(void)
{
	FILE *f = fopen("/proc/sys/fs/inotify/max_queued_events", "r");
	long v = -1;

	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

int main(void)
{
	char top[PATH_MAX];
	char sub[PATH_MAX];
	char path[PATH_MAX];
	long limit = read_limit();
	int fd[2];

	/* Each event costs one write(2); a huge limit would take too long. */
	if (limit < 1 || limit > (1L << 20)) {
		fprintf(stderr, "max_queued_events is %ld: skipped\n", limit);
		return TEST_SKIP;
	}

	TEST_BEGIN(30);
	scratch_dir(top, sizeof(top));
	subdir(top, "other");
	path_join(sub, sizeof(sub), top, "other");

	iv_init();
	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);
	for (int i = 0; i < 2; i++) {
		IV_INOTIFY_WATCH_INIT(&w[i]);
		w[i].inotify = &in;
		w[i].pathname = i == 0 ? top : sub;
		w[i].mask = i == 0 ? IN_MODIFY : IN_CREATE;
		w[i].cookie = &w[i];
		w[i].handler = got;
		CHECK_EQ_INT(iv_inotify_watch_register(&w[i]), 0);
	}
	CHECK(w[0].wd < w[1].wd);

	/* Alternate between two files: the kernel merges an event only
	 * with an identical one at the tail of the queue. */
	path_join(path, sizeof(path), top, "f0");
	fd[0] = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	path_join(path, sizeof(path), top, "f1");
	fd[1] = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	CHECK(fd[0] >= 0 && fd[1] >= 0);
	for (long i = 0; i < limit + 16; i++)
		CHECK_EQ_INT(write(fd[i & 1], "x", 1), 1);
	close(fd[0]);
	close(fd[1]);

	iv_main();

	CHECK_EQ_INT(overflow[0], 1);
	CHECK_EQ_INT(overflow[1], 1);
	CHECK_EQ_INT(modified, limit);

	iv_deinit();
	scratch_remove(top);
	return 0;
}
