/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* for_each_safe keeps going when the current entry is deleted or moved. */

#include "list_verify.h"

#define N	10

int main(void)
{
	struct iv_list_head head;
	struct iv_list_head other;
	struct iv_list_head *lh;
	struct iv_list_head *lh2;
	struct item it[N];
	int i;

	TEST_BEGIN(10);

	INIT_IV_LIST_HEAD(&head);
	INIT_IV_LIST_HEAD(&other);
	for (i = 0; i < N; i++) {
		it[i].value = i;
		iv_list_add_tail(&it[i].list, &head);
	}

	/* Nothing happens on an empty list. */
	i = 0;
	iv_list_for_each_safe(lh, lh2, &other)
		i++;
	CHECK_EQ_INT(i, 0);

	/* Delete (with del, which NULLs the links) every odd entry. */
	i = 0;
	iv_list_for_each_safe(lh, lh2, &head) {
		struct item *x = iv_list_entry(lh, struct item, list);

		CHECK_EQ_INT(x->value, i);
		if (x->value % 2)
			iv_list_del(lh);
		i++;
	}
	CHECK_EQ_INT(i, N);
	list_expect(&head, (int []){ 0, 2, 4, 6, 8 }, 5);

	/* Move every entry to another list as it is visited. */
	i = 0;
	iv_list_for_each_safe(lh, lh2, &head) {
		iv_list_del_init(lh);
		iv_list_add(lh, &other);
		i++;
	}
	CHECK_EQ_INT(i, 5);
	CHECK(iv_list_empty(&head));
	list_expect(&other, (int []){ 8, 6, 4, 2, 0 }, 5);

	/* Delete them all. */
	i = 0;
	iv_list_for_each_safe(lh, lh2, &other) {
		iv_list_del(lh);
		CHECK(lh->next == NULL && lh->prev == NULL);
		i++;
	}
	CHECK_EQ_INT(i, 5);
	CHECK(iv_list_empty(&other));

	return 0;
}
