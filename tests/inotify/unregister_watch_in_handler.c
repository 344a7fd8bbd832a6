/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A handler unregisters and frees its own watch; its queued events vanish. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_inotify_watch *wa;
static struct iv_inotify_watch wb;
static int tag_a = 0;
static int tag_b = 1;

static void got(void *cookie, struct inotify_event *ev)
{
	log_event(*(int *)cookie, ev);

	if (cookie == &tag_a) {
		/* Two more events for this watch are in the same buffer. */
		iv_inotify_watch_unregister(wa);
		free(wa);
		wa = NULL;
	} else {
		iv_inotify_watch_unregister(&wb);
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

	wa = malloc(sizeof(*wa));
	CHECK(wa != NULL);
	IV_INOTIFY_WATCH_INIT(wa);
	wa->inotify = &in;
	wa->pathname = a;
	wa->mask = IN_CREATE;
	wa->cookie = &tag_a;
	wa->handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(wa), 0);

	IV_INOTIFY_WATCH_INIT(&wb);
	wb.inotify = &in;
	wb.pathname = b;
	wb.mask = IN_CREATE;
	wb.cookie = &tag_b;
	wb.handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(&wb), 0);

	touch(a, "x");
	touch(a, "y");
	touch(a, "z");
	touch(b, "w");

	iv_main();

	CHECK_EQ_INT(seen_count, 2);
	check_seen(0, 0, IN_CREATE, "x");
	check_seen(1, 1, IN_CREATE, "w");
	CHECK(wa == NULL);

	iv_deinit();
	scratch_remove(top);
	return 0;
}
