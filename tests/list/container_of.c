/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* iv_container_of and iv_list_entry get from a member back to its struct. */

#include "list_verify.h"

struct first {
	struct iv_list_head	list;
	int			value;
};

struct deep {
	char			pad[13];
	double			d;
	struct {
		int			tag;
		struct iv_list_head	list;
	} inner;
	long			after;
};

int main(void)
{
	struct first f = { .value = 11 };
	struct deep d = { .after = 42 };
	struct item items[3];
	struct iv_list_head head;
	struct iv_list_head *lh;
	int i;

	TEST_BEGIN(10);

	/* Member at offset 0. */
	CHECK(iv_container_of(&f.list, struct first, list) == &f);
	CHECK(iv_list_entry(&f.list, struct first, list) == &f);
	CHECK_EQ_INT(iv_list_entry(&f.list, struct first, list)->value, 11);

	/* Member deep inside, reached through a nested designator. */
	CHECK(iv_container_of(&d.inner.list, struct deep, inner.list) == &d);
	CHECK_EQ_INT(iv_list_entry(&d.inner.list, struct deep,
				   inner.list)->after, 42);
	CHECK(iv_container_of(&d.inner, struct deep, inner) == &d);
	CHECK(iv_container_of(&d.d, struct deep, d) == &d);

	/* The macro argument is evaluated once. */
	lh = &f.list;
	i = 0;
	CHECK(iv_container_of((i++, lh), struct first, list) == &f);
	CHECK_EQ_INT(i, 1);

	/* The usual pattern: walk a list and recover each item. */
	INIT_IV_LIST_HEAD(&head);
	for (i = 0; i < 3; i++) {
		items[i].value = 100 + i;
		iv_list_add_tail(&items[i].list, &head);
	}
	i = 0;
	iv_list_for_each(lh, &head) {
		struct item *x = iv_list_entry(lh, struct item, list);

		CHECK(x == &items[i]);
		CHECK_EQ_INT(x->value, 100 + i);
		i++;
	}
	CHECK_EQ_INT(i, 3);

	return 0;
}
