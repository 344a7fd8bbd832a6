/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Inserting an equal key returns -1 and leaves the tree exactly as it was. */

#include "avl_verify.h"

#define N	200

struct snap {
	struct iv_avl_node	*left;
	struct iv_avl_node	*right;
	struct iv_avl_node	*parent;
	int			height;
};

static struct knode nodes[N];
static struct snap before[N];

static void take(struct snap *s)
{
	int i;

	for (i = 0; i < N; i++) {
		s[i].left = nodes[i].an.left;
		s[i].right = nodes[i].an.right;
		s[i].parent = nodes[i].an.parent;
		s[i].height = nodes[i].an.height;
	}
}

static void same_as_before(void)
{
	struct snap now[N];
	int i;

	take(now);
	for (i = 0; i < N; i++) {
		CHECK(now[i].left == before[i].left);
		CHECK(now[i].right == before[i].right);
		CHECK(now[i].parent == before[i].parent);
		CHECK_EQ_INT(now[i].height, before[i].height);
	}
}

int main(void)
{
	struct iv_avl_tree tree;
	struct iv_avl_node *root;
	struct knode dup;
	int i;

	TEST_BEGIN(10);

	INIT_IV_AVL_TREE(&tree, knode_compare);
	CHECK(tree.compare == knode_compare);
	CHECK(tree.root == NULL);

	/* Keys 0, 2, 4, ... inserted in a scrambled order. */
	for (i = 0; i < N; i++) {
		int j = (i * 37) % N;

		nodes[j].key = 2 * j;
		CHECK_EQ_INT(iv_avl_tree_insert(&tree, &nodes[j].an), 0);
	}
	avl_verify(&tree, N);

	take(before);
	root = tree.root;

	for (i = 0; i < N; i++) {
		/* A distinct node carrying an existing key is not touched. */
		dup.key = 2 * i;
		dup.an.left = &nodes[0].an;
		dup.an.right = &nodes[1].an;
		dup.an.parent = &nodes[2].an;
		dup.an.height = 99;
		CHECK_EQ_INT(iv_avl_tree_insert(&tree, &dup.an), -1);
		CHECK(dup.an.left == &nodes[0].an);
		CHECK(dup.an.right == &nodes[1].an);
		CHECK(dup.an.parent == &nodes[2].an);
		CHECK_EQ_INT(dup.an.height, 99);
		CHECK(tree.root == root);
		same_as_before();
		avl_verify(&tree, N);

		/* The very node that is already in the tree. */
		CHECK_EQ_INT(iv_avl_tree_insert(&tree, &nodes[i].an), -1);
		CHECK(tree.root == root);
		same_as_before();
	}

	/* A key in between the existing ones still goes in. */
	dup.key = 7;
	CHECK_EQ_INT(iv_avl_tree_insert(&tree, &dup.an), 0);
	avl_verify(&tree, N + 1);
	iv_avl_tree_delete(&tree, &dup.an);
	avl_verify(&tree, N);

	return 0;
}
