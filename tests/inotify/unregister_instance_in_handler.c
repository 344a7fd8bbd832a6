/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A handler unregisters and frees the whole instance: no further handler
 * runs for the rest of the buffer. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

struct everything {
	struct iv_inotify	in;
	struct iv_inotify_watch	w[2];
};

static struct everything *all;
static int tags[2] = { 0, 1 };

static void got(void *cookie, struct inotify_event *ev)
{
	log_event(*(int *)cookie, ev);

	/* The instance and its watches go away together. */
	iv_inotify_unregister(&all->in);
	free(all);
	all = NULL;
}

int main(void)
{
	char top[PATH_MAX];
	char dirs[2][PATH_MAX];

	TEST_BEGIN(10);
	scratch_dir(top, sizeof(top));
	subdir(top, "a");
	subdir(top, "b");
	path_join(dirs[0], PATH_MAX, top, "a");
	path_join(dirs[1], PATH_MAX, top, "b");

	iv_init();
	all = malloc(sizeof(*all));
	CHECK(all != NULL);
	IV_INOTIFY_INIT(&all->in);
	CHECK_EQ_INT(iv_inotify_register(&all->in), 0);
	for (int i = 0; i < 2; i++) {
		IV_INOTIFY_WATCH_INIT(&all->w[i]);
		all->w[i].inotify = &all->in;
		all->w[i].pathname = dirs[i];
		all->w[i].mask = IN_CREATE;
		all->w[i].cookie = &tags[i];
		all->w[i].handler = got;
		CHECK_EQ_INT(iv_inotify_watch_register(&all->w[i]), 0);
	}

	touch(dirs[0], "x");
	touch(dirs[1], "y");
	touch(dirs[0], "z");

	/* The loop ends because the instance was its only object. */
	iv_main();

	CHECK_EQ_INT(seen_count, 1);
	check_seen(0, 0, IN_CREATE, "x");
	CHECK(all == NULL);

	iv_deinit();
	scratch_remove(top);
	return 0;
}
