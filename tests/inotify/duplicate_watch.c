/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A second watch on an inode the instance already watches fails with
 * EEXIST and leaves the first watch's mask alone.  Liana-specific: ivykis
 * 0.42 also fails, but has by then replaced the first watch's mask. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_inotify_watch first;
static struct iv_inotify_watch second;
static struct iv_inotify_watch sentinel;

static void got(void *cookie, struct inotify_event *ev)
{
	CHECK(cookie != &second);
	log_event(cookie == &first ? 0 : 1, ev);

	if (cookie == &sentinel) {
		iv_inotify_watch_unregister(&first);
		iv_inotify_watch_unregister(&sentinel);
		iv_inotify_unregister(&in);
	}
}

int main(void)
{
	char top[PATH_MAX];
	char a[PATH_MAX];
	char b[PATH_MAX];
	char path[PATH_MAX];

	TEST_BEGIN(10);
	scratch_dir(top, sizeof(top));
	subdir(top, "a");
	subdir(top, "b");
	path_join(a, sizeof(a), top, "a");
	path_join(b, sizeof(b), top, "b");

	iv_init();
	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);

	IV_INOTIFY_WATCH_INIT(&first);
	first.inotify = &in;
	first.pathname = a;
	first.mask = IN_CREATE;
	first.cookie = &first;
	first.handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(&first), 0);

	/* Same directory through another name. */
	second = first;
	path_join(path, sizeof(path), top, "b/../a");
	second.pathname = path;
	second.mask = IN_DELETE;
	second.cookie = &second;
	CHECK_ERRNO(iv_inotify_watch_register(&second), EEXIST);

	IV_INOTIFY_WATCH_INIT(&sentinel);
	sentinel.inotify = &in;
	sentinel.pathname = b;
	sentinel.mask = IN_CREATE;
	sentinel.cookie = &sentinel;
	sentinel.handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(&sentinel), 0);

	touch(a, "x");
	CHECK(unlink(strcat(strcpy(path, a), "/x")) == 0);
	touch(b, "end");

	iv_main();

	/* The create reached the first watch; the delete was never asked
	 * for by anyone still registered. */
	CHECK_EQ_INT(seen_count, 2);
	check_seen(0, 0, IN_CREATE, "x");
	check_seen(1, 1, IN_CREATE, "end");

	iv_deinit();
	scratch_remove(top);
	return 0;
}
