/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Create, modify and delete in a watched directory reach its handler. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_inotify_watch w;
static int tag = 7;

static void got(void *cookie, struct inotify_event *ev)
{
	CHECK(cookie == &tag);
	CHECK_EQ_INT(ev->wd, w.wd);
	log_event(*(int *)cookie, ev);

	if (ev->mask & IN_DELETE) {
		iv_inotify_watch_unregister(&w);
		iv_inotify_unregister(&in);
	}
}

int main(void)
{
	char dir[PATH_MAX];
	char path[PATH_MAX];
	int fd;

	TEST_BEGIN(10);
	scratch_dir(dir, sizeof(dir));
	iv_init();

	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);

	IV_INOTIFY_WATCH_INIT(&w);
	w.inotify = &in;
	w.pathname = dir;
	w.mask = IN_CREATE | IN_MODIFY | IN_DELETE;
	w.cookie = &tag;
	w.handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(&w), 0);
	CHECK(w.wd >= 1);

	/* Queue the events before the loop runs; they wait in the kernel. */
	path_join(path, sizeof(path), dir, "file");
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	CHECK(fd >= 0);
	CHECK_EQ_INT(write(fd, "x", 1), 1);
	close(fd);
	CHECK(unlink(path) == 0);

	iv_main();

	CHECK_EQ_INT(seen_count, 3);
	check_seen(0, 7, IN_CREATE, "file");
	check_seen(1, 7, IN_MODIFY, "file");
	check_seen(2, 7, IN_DELETE, "file");

	iv_deinit();
	scratch_remove(dir);
	return 0;
}
