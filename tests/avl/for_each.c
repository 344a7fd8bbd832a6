/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* for_each visits in order; for_each_safe lets the body delete the node. */

#include "avl_verify.h"

#define N	300

static struct knode nodes[N];

static void fill(struct iv_avl_tree *tree)
{
	int i;

	for (i = 0; i < N; i++) {
		int j = (i * 101) % N;

		nodes[j].key = j;
		CHECK_EQ_INT(iv_avl_tree_insert(tree, &nodes[j].an), 0);
	}
	avl_verify(tree, N);
}

int main(void)
{
	struct iv_avl_tree tree = IV_AVL_TREE_INIT(knode_compare);
	struct iv_avl_node *an;
	struct iv_avl_node *an2;
	int count;
	int i;

	TEST_BEGIN(10);

	/* Nothing to visit in an empty tree. */
	i = 0;
	iv_avl_tree_for_each(an, &tree)
		i++;
	CHECK_EQ_INT(i, 0);
	iv_avl_tree_for_each_safe(an, an2, &tree)
		i++;
	CHECK_EQ_INT(i, 0);

	fill(&tree);

	i = 0;
	iv_avl_tree_for_each(an, &tree) {
		CHECK(an == &nodes[i].an);
		i++;
	}
	CHECK_EQ_INT(i, N);

	/* Delete the odd keys while walking, checking the tree each time. */
	i = 0;
	count = N;
	iv_avl_tree_for_each_safe(an, an2, &tree) {
		CHECK(an == &nodes[i].an);
		CHECK(an2 == (i + 1 < N ? &nodes[i + 1].an : NULL));
		if (knode_of(an)->key % 2) {
			iv_avl_tree_delete(&tree, an);
			count--;
			avl_verify(&tree, count);
		}
		i++;
	}
	CHECK_EQ_INT(i, N);
	CHECK_EQ_INT(count, N / 2);

	i = 0;
	iv_avl_tree_for_each(an, &tree) {
		CHECK(an == &nodes[2 * i].an);
		i++;
	}
	CHECK_EQ_INT(i, N / 2);

	/* Delete every node as it is visited. */
	i = 0;
	iv_avl_tree_for_each_safe(an, an2, &tree) {
		CHECK(an == &nodes[2 * i].an);
		iv_avl_tree_delete(&tree, an);
		count--;
		avl_verify(&tree, count);
		i++;
	}
	CHECK_EQ_INT(i, N / 2);
	CHECK(iv_avl_tree_empty(&tree));

	/* Refill and delete the whole tree once more, all in one walk. */
	fill(&tree);
	count = N;
	iv_avl_tree_for_each_safe(an, an2, &tree) {
		iv_avl_tree_delete(&tree, an);
		count--;
	}
	CHECK_EQ_INT(count, 0);
	avl_verify(&tree, 0);

	return 0;
}
