/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Shared by the avl tests: integer-keyed nodes and a raw-field shape check. */

#ifndef IV_TEST_AVL_VERIFY_H
#define IV_TEST_AVL_VERIFY_H

#include "check.h"
#include <iv_avl.h>
#include <iv_list.h>

struct knode {
	int			key;
	struct iv_avl_node	an;
};

static inline struct knode *knode_of(const struct iv_avl_node *an)
{
	return iv_container_of(an, struct knode, an);
}

static inline int knode_compare(const struct iv_avl_node *a,
				const struct iv_avl_node *b)
{
	int x = knode_of(a)->key;
	int y = knode_of(b)->key;

	return x < y ? -1 : x > y;
}

/*
 * Checks the subtree under @an using nothing but the raw node fields:
 * exact parent pointers, the height rule (leaf 1, missing child 0), a
 * balance factor of at most one, and strict key order within the open
 * interval (@lo, @hi).  Returns the number of nodes.
 */
static inline int avl_verify_subtree(const struct iv_avl_node *an,
				     const struct iv_avl_node *parent,
				     long long lo, long long hi,
				     int depth)
{
	int lh;
	int rh;
	int n;
	int key;

	if (an == NULL)
		return 0;

	CHECK(depth < 128);
	CHECK(an->parent == parent);

	key = knode_of(an)->key;
	CHECK(key > lo);
	CHECK(key < hi);

	n = 1 + avl_verify_subtree(an->left, an, lo, key, depth + 1) +
		avl_verify_subtree(an->right, an, key, hi, depth + 1);

	lh = an->left != NULL ? an->left->height : 0;
	rh = an->right != NULL ? an->right->height : 0;
	CHECK(lh - rh <= 1 && rh - lh <= 1);
	CHECK_EQ_INT(an->height, 1 + (lh > rh ? lh : rh));

	return n;
}

/* Verifies the whole tree and that it holds exactly @count nodes. */
static inline void avl_verify(const struct iv_avl_tree *tree, int count)
{
	int n;

	n = avl_verify_subtree(tree->root, NULL, -2147483649LL,
			       2147483648LL, 0);
	CHECK_EQ_INT(n, count);
	CHECK_EQ_INT(iv_avl_tree_empty(tree), count == 0);
}

#endif
