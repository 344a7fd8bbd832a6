/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* add puts an entry right after the head, add_tail right before it. */

#include "list_verify.h"

static struct iv_list_head fixed = IV_LIST_HEAD_INIT(fixed);

int main(void)
{
	struct iv_list_head head;
	struct iv_list_head *lh;
	struct item it[6];
	int i;

	TEST_BEGIN(10);

	/* Both ways of making an empty list point the head at itself. */
	CHECK(fixed.next == &fixed && fixed.prev == &fixed);
	CHECK(iv_list_empty(&fixed));
	INIT_IV_LIST_HEAD(&head);
	CHECK(head.next == &head && head.prev == &head);
	CHECK(iv_list_empty(&head));
	list_expect(&head, NULL, 0);

	for (i = 0; i < 6; i++)
		it[i].value = i;

	/* add is last in, first out. */
	iv_list_add(&it[0].list, &head);
	CHECK(!iv_list_empty(&head));
	CHECK(head.next == &it[0].list && head.prev == &it[0].list);
	CHECK(it[0].list.next == &head && it[0].list.prev == &head);
	iv_list_add(&it[1].list, &head);
	iv_list_add(&it[2].list, &head);
	list_expect(&head, (int []){ 2, 1, 0 }, 3);

	/* add_tail is first in, first out. */
	iv_list_add_tail(&it[3].list, &head);
	iv_list_add_tail(&it[4].list, &head);
	list_expect(&head, (int []){ 2, 1, 0, 3, 4 }, 5);

	/* Either works relative to any entry, not only the head. */
	iv_list_add(&it[5].list, &it[1].list);
	list_expect(&head, (int []){ 2, 1, 5, 0, 3, 4 }, 6);
	iv_list_del(&it[5].list);
	iv_list_add_tail(&it[5].list, &it[1].list);
	list_expect(&head, (int []){ 2, 5, 1, 0, 3, 4 }, 6);

	/* for_each walks from head->next round to the head. */
	i = 0;
	iv_list_for_each(lh, &head) {
		static const int want[] = { 2, 5, 1, 0, 3, 4 };

		CHECK(i < 6);
		CHECK_EQ_INT(iv_list_entry(lh, struct item, list)->value,
			     want[i]);
		i++;
	}
	CHECK_EQ_INT(i, 6);

	i = 0;
	iv_list_for_each(lh, &fixed)
		i++;
	CHECK_EQ_INT(i, 0);

	/* A statically initialised head works like any other. */
	for (i = 0; i < 6; i++)
		iv_list_del(&it[i].list);
	CHECK(iv_list_empty(&head));
	iv_list_add_tail(&it[0].list, &fixed);
	iv_list_add(&it[1].list, &fixed);
	list_expect(&fixed, (int []){ 1, 0 }, 2);
	iv_list_del_init(&it[0].list);
	iv_list_del_init(&it[1].list);
	CHECK(iv_list_empty(&fixed));

	return 0;
}
