/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* splice, splice_init, splice_tail and splice_tail_init, empty lists too. */

#include "list_verify.h"

static struct item it[8];

/* Fills @head with the items @from..@to-1 in order. */
static void fill(struct iv_list_head *head, int from, int to)
{
	int i;

	INIT_IV_LIST_HEAD(head);
	for (i = from; i < to; i++) {
		it[i].value = i;
		iv_list_add_tail(&it[i].list, head);
	}
}

int main(void)
{
	struct iv_list_head dst;
	struct iv_list_head src;
	struct iv_list_head empty;

	TEST_BEGIN(10);

	/* splice puts the source entries right after the head. */
	fill(&dst, 0, 3);
	fill(&src, 3, 6);
	iv_list_splice(&src, &dst);
	list_expect(&dst, (int []){ 3, 4, 5, 0, 1, 2 }, 6);

	/* splice_tail puts them right before it. */
	fill(&dst, 0, 3);
	fill(&src, 3, 6);
	iv_list_splice_tail(&src, &dst);
	list_expect(&dst, (int []){ 0, 1, 2, 3, 4, 5 }, 6);

	/* The _init forms leave the source empty and reusable. */
	fill(&dst, 0, 2);
	fill(&src, 2, 5);
	iv_list_splice_init(&src, &dst);
	list_expect(&dst, (int []){ 2, 3, 4, 0, 1 }, 5);
	CHECK(src.next == &src && src.prev == &src);
	list_expect(&src, NULL, 0);

	fill(&dst, 0, 2);
	fill(&src, 2, 5);
	iv_list_splice_tail_init(&src, &dst);
	list_expect(&dst, (int []){ 0, 1, 2, 3, 4 }, 5);
	CHECK(src.next == &src && src.prev == &src);

	/* Into an empty destination. */
	INIT_IV_LIST_HEAD(&dst);
	fill(&src, 0, 3);
	iv_list_splice(&src, &dst);
	list_expect(&dst, (int []){ 0, 1, 2 }, 3);

	INIT_IV_LIST_HEAD(&dst);
	fill(&src, 0, 3);
	iv_list_splice_tail_init(&src, &dst);
	list_expect(&dst, (int []){ 0, 1, 2 }, 3);
	list_expect(&src, NULL, 0);

	/* A one-entry source. */
	fill(&dst, 0, 2);
	fill(&src, 2, 3);
	iv_list_splice(&src, &dst);
	list_expect(&dst, (int []){ 2, 0, 1 }, 3);

	/* An empty source changes nothing, with or without _init. */
	fill(&dst, 0, 4);
	INIT_IV_LIST_HEAD(&empty);
	iv_list_splice(&empty, &dst);
	list_expect(&dst, (int []){ 0, 1, 2, 3 }, 4);
	iv_list_splice_tail(&empty, &dst);
	list_expect(&dst, (int []){ 0, 1, 2, 3 }, 4);
	iv_list_splice_init(&empty, &dst);
	list_expect(&dst, (int []){ 0, 1, 2, 3 }, 4);
	list_expect(&empty, NULL, 0);
	iv_list_splice_tail_init(&empty, &dst);
	list_expect(&dst, (int []){ 0, 1, 2, 3 }, 4);
	list_expect(&empty, NULL, 0);

	/* Empty into empty. */
	INIT_IV_LIST_HEAD(&dst);
	iv_list_splice_init(&empty, &dst);
	list_expect(&dst, NULL, 0);
	list_expect(&empty, NULL, 0);

	/* Splicing after an entry in the middle, not only a head. */
	fill(&dst, 0, 3);
	fill(&src, 3, 5);
	iv_list_splice_init(&src, &it[0].list);
	list_expect(&dst, (int []){ 0, 3, 4, 1, 2 }, 5);
	fill(&src, 5, 7);
	iv_list_splice_tail_init(&src, &it[2].list);
	list_expect(&dst, (int []){ 0, 3, 4, 1, 5, 6, 2 }, 7);

	return 0;
}
