/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_inotify_register() sets up every private member, so an instance whose
 * memory held garbage can be unregistered before it dispatched anything.
 * Liana-specific: ivykis 0.42 writes through the uninitialised `term`. */

#include <iv.h>
#include <iv_inotify.h>
#include "inotify_util.h"

int main(void)
{
	struct iv_inotify *in;

	TEST_BEGIN(10);
	iv_init();

	in = malloc(sizeof(*in));
	CHECK(in != NULL);
	memset(in, 0x5a, sizeof(*in));
	IV_INOTIFY_INIT(in);
	CHECK_EQ_INT(iv_inotify_register(in), 0);
	CHECK(in->term == NULL);
	CHECK(iv_avl_tree_empty(&in->watches));
	iv_inotify_unregister(in);
	free(in);

	iv_deinit();
	return 0;
}
