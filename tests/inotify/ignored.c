/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Removing a watched directory ends with IN_IGNORED; the watch may be freed
 * in that handler, and the instance keeps working. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_inotify_watch *sub;
static struct iv_inotify_watch parent;
static int tag_sub = 0;
static int tag_parent = 1;
static int sub_events;
static int sub_ignored;
static int parent_deleted;

static void maybe_finish(void)
{
	if (sub_ignored && parent_deleted) {
		iv_inotify_watch_unregister(&parent);
		iv_inotify_unregister(&in);
	}
}

static void got_sub(void *cookie, struct inotify_event *ev)
{
	CHECK(cookie == &tag_sub);
	CHECK(!sub_ignored);
	sub_events++;

	if (ev->mask & IN_IGNORED) {
		/* IN_DELETE_SELF came first, IN_IGNORED is the last word. */
		CHECK(sub_events >= 2);
		sub_ignored = 1;
		free(sub);
		sub = NULL;
		maybe_finish();
	} else {
		CHECK(ev->mask & IN_DELETE_SELF);
	}
}

static void got_parent(void *cookie, struct inotify_event *ev)
{
	CHECK(cookie == &tag_parent);
	CHECK(ev->mask & IN_DELETE);
	CHECK(ev->mask & IN_ISDIR);
	CHECK_EQ_STR(ev->name, "sub");
	parent_deleted = 1;
	maybe_finish();
}

int main(void)
{
	char top[PATH_MAX];
	char s[PATH_MAX];

	TEST_BEGIN(10);
	scratch_dir(top, sizeof(top));
	subdir(top, "sub");
	path_join(s, sizeof(s), top, "sub");

	iv_init();
	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);

	sub = malloc(sizeof(*sub));
	CHECK(sub != NULL);
	IV_INOTIFY_WATCH_INIT(sub);
	sub->inotify = &in;
	sub->pathname = s;
	sub->mask = IN_DELETE_SELF;
	sub->cookie = &tag_sub;
	sub->handler = got_sub;
	CHECK_EQ_INT(iv_inotify_watch_register(sub), 0);

	IV_INOTIFY_WATCH_INIT(&parent);
	parent.inotify = &in;
	parent.pathname = top;
	parent.mask = IN_DELETE;
	parent.cookie = &tag_parent;
	parent.handler = got_parent;
	CHECK_EQ_INT(iv_inotify_watch_register(&parent), 0);

	CHECK(rmdir(s) == 0);

	iv_main();

	CHECK(sub == NULL);
	CHECK_EQ_INT(sub_events, 2);

	iv_deinit();
	scratch_remove(top);
	return 0;
}
