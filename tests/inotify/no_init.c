/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* The iv_inotify calls in a thread without iv_init() are fatal, naming the
 * function.  Liana-specific: ivykis 0.42 dereferences a null pointer. */

#include <iv_inotify.h>
#include "fatal_helper.h"

static struct iv_inotify in;
static struct iv_inotify_watch w;

static void do_register(void *arg)
{
	(void)arg;
	iv_inotify_register(&in);
}

static void do_watch(void *arg)
{
	(void)arg;
	w.inotify = &in;
	w.pathname = "/";
	w.mask = IN_CREATE;
	iv_inotify_watch_register(&w);
}

int main(void)
{
	TEST_BEGIN(20);
	expect_fatal(do_register, NULL,
		     "iv_inotify_register: called in a thread without iv_init");
	expect_fatal(do_watch, NULL,
		     "iv_inotify_watch_register: called in a thread without "
		     "iv_init");
	return 0;
}
