/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* del leaves NULL pointers behind; del_init leaves an empty self-loop. */

#include "list_verify.h"

int main(void)
{
	struct iv_list_head head;
	struct item it[5];
	int i;

	TEST_BEGIN(10);

	INIT_IV_LIST_HEAD(&head);
	for (i = 0; i < 5; i++) {
		it[i].value = i;
		iv_list_add_tail(&it[i].list, &head);
	}
	list_expect(&head, (int []){ 0, 1, 2, 3, 4 }, 5);

	/* From the middle. */
	iv_list_del(&it[2].list);
	CHECK(it[2].list.next == NULL);
	CHECK(it[2].list.prev == NULL);
	list_expect(&head, (int []){ 0, 1, 3, 4 }, 4);

	/* From the front and the back. */
	iv_list_del(&it[0].list);
	CHECK(it[0].list.next == NULL && it[0].list.prev == NULL);
	iv_list_del(&it[4].list);
	CHECK(it[4].list.next == NULL && it[4].list.prev == NULL);
	list_expect(&head, (int []){ 1, 3 }, 2);

	/* del_init points the entry at itself, so it reads as empty. */
	iv_list_del_init(&it[1].list);
	CHECK(it[1].list.next == &it[1].list);
	CHECK(it[1].list.prev == &it[1].list);
	CHECK(iv_list_empty(&it[1].list));
	list_expect(&head, (int []){ 3 }, 1);

	/* Removing the only entry empties the head. */
	iv_list_del_init(&it[3].list);
	CHECK(iv_list_empty(&it[3].list));
	CHECK(iv_list_empty(&head));
	CHECK(head.next == &head && head.prev == &head);
	list_expect(&head, NULL, 0);

	/* An entry reset by del_init may be deleted again harmlessly. */
	iv_list_del_init(&it[3].list);
	CHECK(iv_list_empty(&it[3].list));

	/* The same for the last entry taken out by del. */
	iv_list_add(&it[2].list, &head);
	iv_list_del(&it[2].list);
	CHECK(it[2].list.next == NULL && it[2].list.prev == NULL);
	CHECK(iv_list_empty(&head));

	return 0;
}
