/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Watches of an unregistered instance may still be unregistered (a no-op),
 * and the struct can be registered again. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

static struct iv_inotify in;
static struct iv_inotify_watch w[3];
static int fired;

static void got(void *cookie, struct inotify_event *ev)
{
	CHECK(cookie == &w[0]);
	CHECK(ev->mask & IN_CREATE);
	fired++;
	iv_inotify_watch_unregister(&w[0]);
	iv_inotify_unregister(&in);
}

static void setup(struct iv_inotify_watch *x, const char *path)
{
	IV_INOTIFY_WATCH_INIT(x);
	x->inotify = &in;
	x->pathname = path;
	x->mask = IN_CREATE;
	x->cookie = x;
	x->handler = got;
	CHECK_EQ_INT(iv_inotify_watch_register(x), 0);
}

int main(void)
{
	char top[PATH_MAX];
	char sub[PATH_MAX];

	TEST_BEGIN(10);
	scratch_dir(top, sizeof(top));
	subdir(top, "s");
	path_join(sub, sizeof(sub), top, "s");

	iv_init();

	IV_INOTIFY_INIT(&in);
	CHECK_EQ_INT(iv_inotify_register(&in), 0);
	setup(&w[1], top);
	setup(&w[2], sub);
	iv_inotify_unregister(&in);
	iv_inotify_watch_unregister(&w[2]);
	iv_inotify_watch_unregister(&w[1]);

	/* Nothing is registered: the loop returns at once. */
	iv_main();

	/* Second life of the same struct. */
	CHECK_EQ_INT(iv_inotify_register(&in), 0);
	setup(&w[0], top);
	touch(top, "x");
	iv_main();
	CHECK_EQ_INT(fired, 1);

	iv_deinit();
	scratch_remove(top);
	return 0;
}
