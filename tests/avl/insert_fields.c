/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Insert sets up the node's own fields and compares the new node first. */

#include "avl_verify.h"

#define LEVELS	10
#define N	((1 << LEVELS) - 1)

static struct knode nodes[N];
static const struct iv_avl_node *inserting;
static int compares;

static int ordered_compare(const struct iv_avl_node *a,
			   const struct iv_avl_node *b)
{
	CHECK(a == inserting);
	CHECK(b != inserting);
	compares++;

	return knode_compare(a, b);
}

static void poison(struct knode *k)
{
	k->an.left = (struct iv_avl_node *)&compares;
	k->an.right = (struct iv_avl_node *)&compares;
	k->an.parent = (struct iv_avl_node *)&compares;
	k->an.height = 77;
}

static int insert(struct iv_avl_tree *tree, struct knode *k)
{
	inserting = &k->an;
	return iv_avl_tree_insert(tree, &k->an);
}

int main(void)
{
	struct iv_avl_tree tree = IV_AVL_TREE_INIT(ordered_compare);
	int i;

	TEST_BEGIN(10);

	/* The first node becomes a clean root without calling compare. */
	nodes[0].key = 0;
	poison(&nodes[0]);
	CHECK_EQ_INT(insert(&tree, &nodes[0]), 0);
	CHECK_EQ_INT(compares, 0);
	CHECK(tree.root == &nodes[0].an);
	CHECK(nodes[0].an.parent == NULL);
	CHECK(nodes[0].an.left == NULL);
	CHECK(nodes[0].an.right == NULL);
	CHECK_EQ_INT(nodes[0].an.height, 1);

	/* The second becomes a leaf below it. */
	nodes[1].key = 1;
	poison(&nodes[1]);
	CHECK_EQ_INT(insert(&tree, &nodes[1]), 0);
	CHECK_EQ_INT(compares, 1);
	CHECK(tree.root == &nodes[0].an);
	CHECK(nodes[0].an.right == &nodes[1].an);
	CHECK(nodes[0].an.left == NULL);
	CHECK(nodes[1].an.parent == &nodes[0].an);
	CHECK(nodes[1].an.left == NULL);
	CHECK(nodes[1].an.right == NULL);
	CHECK_EQ_INT(nodes[1].an.height, 1);
	CHECK_EQ_INT(nodes[0].an.height, 2);

	/* A smaller key goes to the left. */
	iv_avl_tree_delete(&tree, &nodes[1].an);
	nodes[1].key = -1;
	poison(&nodes[1]);
	CHECK_EQ_INT(insert(&tree, &nodes[1]), 0);
	CHECK(nodes[0].an.left == &nodes[1].an);
	CHECK(nodes[0].an.right == NULL);
	iv_avl_tree_delete(&tree, &nodes[1].an);
	iv_avl_tree_delete(&tree, &nodes[0].an);
	CHECK(iv_avl_tree_empty(&tree));

	/*
	 * Ascending keys 0..2^k-2: every AVL tree ends up perfectly
	 * balanced, with the middle key at the root.
	 */
	for (i = 0; i < N; i++) {
		nodes[i].key = i;
		poison(&nodes[i]);
		CHECK_EQ_INT(insert(&tree, &nodes[i]), 0);
		avl_verify(&tree, i + 1);
	}
	CHECK(tree.root == &nodes[N / 2].an);
	CHECK_EQ_INT(tree.root->height, LEVELS);
	for (i = 0; i < N; i += 2) {
		CHECK(nodes[i].an.left == NULL);
		CHECK(nodes[i].an.right == NULL);
		CHECK_EQ_INT(nodes[i].an.height, 1);
	}

	return 0;
}
