/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Unregistering a watch the library already dropped (one-shot) does nothing,
 * and the instance keeps working.  Liana-specific: in ivykis 0.42 this
 * corrupts the watch tree. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static char a[PATH_MAX];
static struct iv_inotify in;
static struct iv_inotify_watch once;
static struct iv_inotify_watch other;
static struct iv_inotify_watch again;
static int tags[3] = { 0, 1, 2 };

static void got(void *cookie, struct inotify_event *ev)
{
	int who = *(int *)cookie;

	log_event(who, ev);

	if (who == 0) {
		/* Dropped before this call; twice, for good measure. */
		iv_inotify_watch_unregister(&once);
		iv_inotify_watch_unregister(&once);

		/* A new watch on the same directory, then a new event. */
		IV_INOTIFY_WATCH_INIT(&again);
		again.inotify = &in;
		again.pathname = a;
		again.mask = IN_CREATE;
		again.cookie = &tags[2];
		again.handler = got;
		CHECK_EQ_INT(iv_inotify_watch_register(&again), 0);
		CHECK(again.wd != once.wd);
		touch(a, "second");
	} else if (who == 2) {
		/* Still a no-op after the wd space moved on. */
		iv_inotify_watch_unregister(&once);
		iv_inotify_watch_unregister(&again);
		iv_inotify_watch_unregister(&other);
		iv_inotify_unregister(&in);
	}
}

int main(void)
{
	char top[PATH_MAX];
	char b[PATH_MAX];

	TEST_BEGIN(10);
	scratch_dir(top, sizeof(top));
	subdir(top, "a");
	subdir(top, "b");
	path_join(a, sizeof(a), top, "a");
	path_join(b, sizeof(b), top, "b");

	iv_init();
	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);

	IV_INOTIFY_WATCH_INIT(&once);
	once.inotify = &in;
	once.pathname = a;
	once.mask = IN_CREATE | IN_ONESHOT;
	once.cookie = &tags[0];
	once.handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(&once), 0);

	IV_INOTIFY_WATCH_INIT(&other);
	other.inotify = &in;
	other.pathname = b;
	other.mask = IN_CREATE;
	other.cookie = &tags[1];
	other.handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(&other), 0);

	touch(a, "first");
	touch(b, "b1");

	iv_main();

	CHECK_EQ_INT(seen_count, 3);
	check_seen(0, 0, IN_CREATE, "first");
	check_seen(1, 1, IN_CREATE, "b1");
	check_seen(2, 2, IN_CREATE, "second");

	iv_deinit();
	scratch_remove(top);
	return 0;
}
