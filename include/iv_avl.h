/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Liana: intrusive AVL trees (ivykis 0.42 compatible). */

#ifndef __IV_AVL_H
#define __IV_AVL_H

#include <inttypes.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct iv_avl_node {
	struct iv_avl_node	*left;
	struct iv_avl_node	*right;
	struct iv_avl_node	*parent;
	uint8_t			height;
};

struct iv_avl_tree {
	int			(*compare)(const struct iv_avl_node *a,
					   const struct iv_avl_node *b);
	struct iv_avl_node	*root;
};

#define IV_AVL_TREE_INIT(comp)	{ .compare = comp, .root = NULL, }

#define INIT_IV_AVL_TREE(tree, comp)		\
	do {					\
		(tree)->compare = (comp);	\
		(tree)->root = NULL;		\
	} while (0)

int iv_avl_tree_insert(struct iv_avl_tree *tree, struct iv_avl_node *an);
void iv_avl_tree_delete(struct iv_avl_tree *tree, struct iv_avl_node *an);
struct iv_avl_node *iv_avl_tree_next(struct iv_avl_node *an);
struct iv_avl_node *iv_avl_tree_prev(struct iv_avl_node *an);

static inline int iv_avl_tree_empty(const struct iv_avl_tree *tree)
{
	return tree->root == NULL;
}

static inline struct iv_avl_node *
iv_avl_tree_min(const struct iv_avl_tree *tree)
{
	struct iv_avl_node *an = tree->root;

	if (an != NULL) {
		while (an->left != NULL)
			an = an->left;
	}

	return an;
}

static inline struct iv_avl_node *
iv_avl_tree_max(const struct iv_avl_tree *tree)
{
	struct iv_avl_node *an = tree->root;

	if (an != NULL) {
		while (an->right != NULL)
			an = an->right;
	}

	return an;
}

static inline struct iv_avl_node *iv_avl_tree_next_safe(struct iv_avl_node *an)
{
	return an != NULL ? iv_avl_tree_next(an) : NULL;
}

#define iv_avl_tree_for_each(an, tree)				\
	for (an = iv_avl_tree_min(tree); an != NULL;		\
	     an = iv_avl_tree_next(an))

#define iv_avl_tree_for_each_safe(an, an2, tree)			\
	for (an = iv_avl_tree_min(tree),				\
	     an2 = iv_avl_tree_next_safe(an); an != NULL;		\
	     an = an2, an2 = iv_avl_tree_next_safe(an))

#ifdef __cplusplus
}
#endif

#endif
