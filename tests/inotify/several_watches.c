/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Several watches on one instance: each event reaches its own watch. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

#define NWATCH	4

static struct iv_inotify in;
static struct iv_inotify_watch w[NWATCH];
static int tags[NWATCH] = { 0, 1, 2, 3 };

static void got(void *cookie, struct inotify_event *ev)
{
	int who = *(int *)cookie;

	CHECK_EQ_INT(ev->wd, w[who].wd);
	log_event(who, ev);

	/* The last expected event: a write to the watched file. */
	if (who == 3) {
		for (int i = 0; i < NWATCH; i++)
			iv_inotify_watch_unregister(&w[i]);
		iv_inotify_unregister(&in);
	}
}

int main(void)
{
	char top[PATH_MAX];
	char paths[NWATCH][PATH_MAX];
	int fd;

	TEST_BEGIN(10);
	scratch_dir(top, sizeof(top));
	subdir(top, "a");
	subdir(top, "b");
	subdir(top, "c");
	touch(top, "f");
	path_join(paths[0], PATH_MAX, top, "a");
	path_join(paths[1], PATH_MAX, top, "b");
	path_join(paths[2], PATH_MAX, top, "c");
	path_join(paths[3], PATH_MAX, top, "f");

	iv_init();
	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);

	for (int i = 0; i < NWATCH; i++) {
		IV_INOTIFY_WATCH_INIT(&w[i]);
		w[i].inotify = &in;
		w[i].pathname = paths[i];
		w[i].mask = i == 3 ? IN_MODIFY : IN_CREATE;
		w[i].cookie = &tags[i];
		w[i].handler = got;
		CHECK_EQ_INT(iv_inotify_watch_register(&w[i]), 0);
		for (int j = 0; j < i; j++)
			CHECK(w[i].wd != w[j].wd);
	}

	touch(paths[1], "b1");
	touch(paths[0], "a1");
	touch(paths[2], "c1");
	touch(paths[0], "a2");
	fd = open(paths[3], O_WRONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	CHECK_EQ_INT(write(fd, "x", 1), 1);
	close(fd);

	iv_main();

	CHECK_EQ_INT(seen_count, 5);
	check_seen(0, 1, IN_CREATE, "b1");
	check_seen(1, 0, IN_CREATE, "a1");
	check_seen(2, 2, IN_CREATE, "c1");
	check_seen(3, 0, IN_CREATE, "a2");
	check_seen(4, 3, IN_MODIFY, "");

	iv_deinit();
	scratch_remove(top);
	return 0;
}
