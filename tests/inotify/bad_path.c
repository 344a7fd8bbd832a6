/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* A path that cannot be watched makes iv_inotify_watch_register() return -1
 * with the kernel's errno; the instance and the loop carry on. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_inotify_watch good;
static int fired;

static void got(void *cookie, struct inotify_event *ev)
{
	CHECK(cookie == &good);
	CHECK_EQ_STR(ev->name, "late");
	fired++;
	iv_inotify_watch_unregister(&good);
	iv_inotify_unregister(&in);
}

static void try_bad(const char *path, uint32_t mask, int err)
{
	struct iv_inotify_watch bad;

	IV_INOTIFY_WATCH_INIT(&bad);
	bad.inotify = &in;
	bad.pathname = path;
	bad.mask = mask;
	bad.cookie = NULL;
	bad.handler = got;
	CHECK_ERRNO(iv_inotify_watch_register(&bad), err);
}

int main(void)
{
	char top[PATH_MAX];
	char path[PATH_MAX];
	char file[PATH_MAX];

	TEST_BEGIN(10);
	scratch_dir(top, sizeof(top));
	touch(top, "file");
	path_join(file, sizeof(file), top, "file");

	iv_init();
	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);

	path_join(path, sizeof(path), top, "missing");
	try_bad(path, IN_CREATE, ENOENT);
	path_join(path, sizeof(path), file, "below");
	try_bad(path, IN_CREATE, ENOTDIR);
	try_bad(file, IN_CREATE | IN_ONLYDIR, ENOTDIR);
	try_bad("", IN_CREATE, ENOENT);
	/* No event bit at all. */
	try_bad(top, 0, EINVAL);

	/* EACCES cannot be provoked as root; try it only when it can. */
	if (geteuid() != 0) {
		char locked[PATH_MAX];

		subdir(top, "locked");
		path_join(locked, sizeof(locked), top, "locked");
		CHECK(chmod(locked, 0) == 0);
		path_join(path, sizeof(path), locked, "x");
		try_bad(path, IN_CREATE, EACCES);
		CHECK(chmod(locked, 0700) == 0);
	}

	IV_INOTIFY_WATCH_INIT(&good);
	good.inotify = &in;
	good.pathname = top;
	good.mask = IN_CREATE;
	good.cookie = &good;
	good.handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(&good), 0);
	touch(top, "late");

	iv_main();
	CHECK_EQ_INT(fired, 1);

	iv_deinit();
	scratch_remove(top);
	return 0;
}
