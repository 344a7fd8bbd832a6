/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Shared by the list tests: integer-tagged entries and an order check. */

#ifndef IV_TEST_LIST_VERIFY_H
#define IV_TEST_LIST_VERIFY_H

#include "check.h"
#include <iv_list.h>

struct item {
	int			value;
	struct iv_list_head	list;
};

/*
 * Checks that @head holds exactly the items whose values are @want[0..n-1],
 * in that order, with every prev pointer matching the walk forwards.
 */
static inline void list_expect(const struct iv_list_head *head,
			       const int *want, int n)
{
	const struct iv_list_head *lh = head;
	int i;

	for (i = 0; i < n; i++) {
		CHECK(lh->next->prev == lh);
		lh = lh->next;
		CHECK(lh != head);
		CHECK_EQ_INT(iv_list_entry(lh, struct item, list)->value,
			     want[i]);
	}
	CHECK(lh->next == head);
	CHECK(head->prev == lh);
	CHECK_EQ_INT(iv_list_empty(head), n == 0);
}

#endif
