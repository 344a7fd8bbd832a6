/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* An IN_ONESHOT watch gets one event and may be freed in its handler; the
 * IN_IGNORED that follows it is not delivered. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_inotify_watch *once;
static struct iv_inotify_watch last;
static int tag_once = 0;
static int tag_last = 1;

static void got(void *cookie, struct inotify_event *ev)
{
	log_event(*(int *)cookie, ev);

	if (cookie == &tag_once) {
		/* Already dropped by the library: freeing is all it takes. */
		free(once);
		once = NULL;
	} else {
		iv_inotify_watch_unregister(&last);
		iv_inotify_unregister(&in);
	}
}

int main(void)
{
	char top[PATH_MAX];
	char a[PATH_MAX];
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

	once = malloc(sizeof(*once));
	CHECK(once != NULL);
	IV_INOTIFY_WATCH_INIT(once);
	once->inotify = &in;
	once->pathname = a;
	once->mask = IN_CREATE | IN_ONESHOT;
	once->cookie = &tag_once;
	once->handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(once), 0);

	IV_INOTIFY_WATCH_INIT(&last);
	last.inotify = &in;
	last.pathname = b;
	last.mask = IN_CREATE;
	last.cookie = &tag_last;
	last.handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(&last), 0);

	/* Queued: a/x, the kernel's IN_IGNORED for the one-shot watch, b/y.
	 * a/z finds no watch any more. */
	touch(a, "x");
	touch(a, "z");
	touch(b, "y");

	iv_main();

	CHECK_EQ_INT(seen_count, 2);
	check_seen(0, 0, IN_CREATE, "x");
	CHECK(!(seen_log[0].mask & IN_IGNORED));
	check_seen(1, 1, IN_CREATE, "y");
	CHECK(once == NULL);

	iv_deinit();
	scratch_remove(top);
	return 0;
}
