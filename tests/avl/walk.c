/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* min, max, next, prev and next_safe walk the tree in key order both ways. */

#include "avl_verify.h"

#define N	1000

static struct knode nodes[N];
static struct iv_avl_tree tree = IV_AVL_TREE_INIT(knode_compare);

int main(void)
{
	struct iv_avl_node *an;
	struct knode one;
	int i;

	TEST_BEGIN(10);

	/* An empty tree. */
	CHECK(tree.compare == knode_compare);
	CHECK(iv_avl_tree_empty(&tree));
	CHECK(iv_avl_tree_min(&tree) == NULL);
	CHECK(iv_avl_tree_max(&tree) == NULL);
	CHECK(iv_avl_tree_next_safe(NULL) == NULL);

	/* A single node is both ends and has no neighbours. */
	one.key = 5;
	CHECK_EQ_INT(iv_avl_tree_insert(&tree, &one.an), 0);
	CHECK(!iv_avl_tree_empty(&tree));
	CHECK(iv_avl_tree_min(&tree) == &one.an);
	CHECK(iv_avl_tree_max(&tree) == &one.an);
	CHECK(iv_avl_tree_next(&one.an) == NULL);
	CHECK(iv_avl_tree_prev(&one.an) == NULL);
	CHECK(iv_avl_tree_next_safe(&one.an) == NULL);
	iv_avl_tree_delete(&tree, &one.an);
	CHECK(iv_avl_tree_empty(&tree));

	/* Keys 0, 10, ..., 9990 in a scrambled order. */
	for (i = 0; i < N; i++) {
		int j = (i * 613) % N;

		nodes[j].key = 10 * j;
		CHECK_EQ_INT(iv_avl_tree_insert(&tree, &nodes[j].an), 0);
	}
	avl_verify(&tree, N);

	CHECK(iv_avl_tree_min(&tree) == &nodes[0].an);
	CHECK(iv_avl_tree_max(&tree) == &nodes[N - 1].an);
	CHECK(iv_avl_tree_prev(&nodes[0].an) == NULL);
	CHECK(iv_avl_tree_next(&nodes[N - 1].an) == NULL);
	CHECK(iv_avl_tree_next_safe(&nodes[N - 1].an) == NULL);

	/* Forwards from min. */
	i = 0;
	for (an = iv_avl_tree_min(&tree); an != NULL;
	     an = iv_avl_tree_next(an)) {
		CHECK(i < N);
		CHECK(an == &nodes[i].an);
		i++;
	}
	CHECK_EQ_INT(i, N);

	/* Backwards from max. */
	i = N;
	for (an = iv_avl_tree_max(&tree); an != NULL;
	     an = iv_avl_tree_prev(an)) {
		CHECK(i > 0);
		i--;
		CHECK(an == &nodes[i].an);
	}
	CHECK_EQ_INT(i, 0);

	/* next_safe agrees with next, and next and prev undo each other. */
	for (i = 0; i < N; i++) {
		an = &nodes[i].an;
		CHECK(iv_avl_tree_next_safe(an) == iv_avl_tree_next(an));
		if (i + 1 < N) {
			CHECK(iv_avl_tree_next(an) == &nodes[i + 1].an);
			CHECK(iv_avl_tree_prev(iv_avl_tree_next(an)) == an);
		}
		if (i > 0) {
			CHECK(iv_avl_tree_prev(an) == &nodes[i - 1].an);
			CHECK(iv_avl_tree_next(iv_avl_tree_prev(an)) == an);
		}
	}

	/* The ends move as the extreme nodes leave. */
	iv_avl_tree_delete(&tree, &nodes[0].an);
	iv_avl_tree_delete(&tree, &nodes[N - 1].an);
	avl_verify(&tree, N - 2);
	CHECK(iv_avl_tree_min(&tree) == &nodes[1].an);
	CHECK(iv_avl_tree_max(&tree) == &nodes[N - 2].an);
	CHECK(iv_avl_tree_prev(&nodes[1].an) == NULL);
	CHECK(iv_avl_tree_next(&nodes[N - 2].an) == NULL);

	return 0;
}
