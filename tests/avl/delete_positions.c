/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Deleting the root, a leaf or an inner node, in trees of every small size. */

#include <stdint.h>
#include "avl_verify.h"

#define MAXN	64

static struct knode nodes[MAXN];
static int order[MAXN];
static uint32_t rng = 0x9e3779b9;

static uint32_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void build(struct iv_avl_tree *tree, int n, int shuffle)
{
	int i;

	INIT_IV_AVL_TREE(tree, knode_compare);
	for (i = 0; i < n; i++)
		order[i] = i;
	if (shuffle == 1) {
		for (i = n - 1; i > 0; i--) {
			int j = next_random() % (i + 1);
			int t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
	} else if (shuffle == 2) {
		for (i = 0; i < n; i++)
			order[i] = n - 1 - i;
	}

	for (i = 0; i < n; i++) {
		nodes[order[i]].key = order[i];
		CHECK_EQ_INT(iv_avl_tree_insert(tree, &nodes[order[i]].an), 0);
	}
	avl_verify(tree, n);
}

/* The tree holds the keys 0..n-1 except those flagged in @gone. */
static void check_keys(const struct iv_avl_tree *tree, int n, const int *gone)
{
	struct iv_avl_node *an = iv_avl_tree_min(tree);
	int i;

	for (i = 0; i < n; i++) {
		if (gone[i])
			continue;
		CHECK(an == &nodes[i].an);
		an = iv_avl_tree_next(an);
	}
	CHECK(an == NULL);
}

static const char *kind(const struct iv_avl_node *an)
{
	if (an->parent == NULL)
		return "root";
	if (an->left == NULL && an->right == NULL)
		return "leaf";
	return "inner";
}

int main(void)
{
	int seen_root = 0;
	int seen_leaf = 0;
	int seen_inner = 0;
	int n;

	TEST_BEGIN(30);

	for (n = 1; n <= MAXN; n++) {
		int shuffle;

		for (shuffle = 0; shuffle < 3; shuffle++) {
			int victim;

			for (victim = 0; victim < n; victim++) {
				struct iv_avl_tree tree;
				struct iv_avl_node *an;
				struct iv_avl_node *old_root;
				int gone[MAXN] = { 0 };
				const char *k;
				int left;
				int i;

				build(&tree, n, shuffle);
				an = &nodes[victim].an;
				old_root = tree.root;
				k = kind(an);
				if (k[0] == 'r')
					seen_root++;
				else if (k[0] == 'l')
					seen_leaf++;
				else
					seen_inner++;

				iv_avl_tree_delete(&tree, an);
				gone[victim] = 1;
				avl_verify(&tree, n - 1);
				check_keys(&tree, n, gone);
				if (an == old_root && n > 1)
					CHECK(tree.root != an);

				/* Then strip the rest, root first. */
				left = n - 1;
				while (tree.root != NULL) {
					i = knode_of(tree.root)->key;
					iv_avl_tree_delete(&tree, tree.root);
					gone[i] = 1;
					left--;
					avl_verify(&tree, left);
					check_keys(&tree, n, gone);
				}
				CHECK_EQ_INT(left, 0);
			}
		}
	}

	CHECK(seen_root > 0 && seen_leaf > 0 && seen_inner > 0);

	return 0;
}
