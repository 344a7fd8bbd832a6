/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Intrusive AVL trees with parent pointers: insertion, removal, stepping. */

#include <iv_avl.h>

#ifndef IV_EXPORT
#define IV_EXPORT __attribute__((visibility("default")))
#endif

/*
 * Shape rules that callers (and tests) read straight from the nodes:
 * every parent pointer is exact, a node's height is one more than the
 * taller of its children (a missing child counts as 0, so a leaf is 1),
 * and the two children's heights differ by at most one.  The tree never
 * allocates; it only relinks the nodes that the caller embeds.
 */

static int node_height(const struct iv_avl_node *an)
{
	return an != NULL ? an->height : 0;
}

static int max_child_height(const struct iv_avl_node *an)
{
	int l = node_height(an->left);
	int r = node_height(an->right);

	return l > r ? l : r;
}

/* Makes @new take @old's place below @parent (or at the root). */
static void replace_child(struct iv_avl_tree *tree,
			  struct iv_avl_node *parent,
			  struct iv_avl_node *old, struct iv_avl_node *new)
{
	if (parent == NULL)
		tree->root = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
}

/* @an must have a right child; that child becomes the subtree's root. */
static struct iv_avl_node *rotate_left(struct iv_avl_tree *tree,
				       struct iv_avl_node *an)
{
	struct iv_avl_node *top = an->right;

	an->right = top->left;
	if (an->right != NULL)
		an->right->parent = an;

	top->parent = an->parent;
	replace_child(tree, an->parent, an, top);

	top->left = an;
	an->parent = top;

	an->height = 1 + max_child_height(an);
	top->height = 1 + max_child_height(top);

	return top;
}

/* @an must have a left child; that child becomes the subtree's root. */
static struct iv_avl_node *rotate_right(struct iv_avl_tree *tree,
					struct iv_avl_node *an)
{
	struct iv_avl_node *top = an->left;

	an->left = top->right;
	if (an->left != NULL)
		an->left->parent = an;

	top->parent = an->parent;
	replace_child(tree, an->parent, an, top);

	top->right = an;
	an->parent = top;

	an->height = 1 + max_child_height(an);
	top->height = 1 + max_child_height(top);

	return top;
}

/*
 * Walks from @an towards the root, restoring heights and balance after
 * one node was linked in or taken out somewhere below @an.  Everything
 * under @an must already be balanced with correct heights.  Once a
 * subtree ends up exactly as tall as it was before, nothing above it can
 * have changed, so the walk stops there; this keeps an insertion to at
 * most one (single or double) rotation.
 */
static void rebalance(struct iv_avl_tree *tree, struct iv_avl_node *an)
{
	while (an != NULL) {
		struct iv_avl_node *parent = an->parent;
		int before = an->height;
		int lh = node_height(an->left);
		int rh = node_height(an->right);

		if (lh > rh + 1) {
			struct iv_avl_node *l = an->left;

			/* A left child leaning right needs a double turn. */
			if (node_height(l->left) < node_height(l->right))
				rotate_left(tree, l);
			an = rotate_right(tree, an);
		} else if (rh > lh + 1) {
			struct iv_avl_node *r = an->right;

			if (node_height(r->right) < node_height(r->left))
				rotate_right(tree, r);
			an = rotate_left(tree, an);
		} else {
			an->height = 1 + (lh > rh ? lh : rh);
		}

		if (an->height == before)
			break;

		an = parent;
	}
}

IV_EXPORT int iv_avl_tree_insert(struct iv_avl_tree *tree,
				 struct iv_avl_node *an)
{
	struct iv_avl_node *parent = NULL;
	struct iv_avl_node **link = &tree->root;

	while (*link != NULL) {
		int ret;

		parent = *link;
		ret = tree->compare(an, parent);
		if (ret == 0)
			return -1;

		link = ret < 0 ? &parent->left : &parent->right;
	}

	an->left = NULL;
	an->right = NULL;
	an->parent = parent;
	an->height = 1;
	*link = an;

	rebalance(tree, parent);

	return 0;
}

IV_EXPORT void iv_avl_tree_delete(struct iv_avl_tree *tree,
				  struct iv_avl_node *an)
{
	struct iv_avl_node *fix;

	if (an->left == NULL || an->right == NULL) {
		struct iv_avl_node *child;

		child = an->left != NULL ? an->left : an->right;
		if (child != NULL)
			child->parent = an->parent;
		replace_child(tree, an->parent, an, child);
		fix = an->parent;
	} else {
		struct iv_avl_node *succ;

		/*
		 * With two children, the in-order successor (the leftmost
		 * node of the right subtree, which has no left child) is
		 * unhooked from where it sits and moved into @an's slot.
		 * Nodes are relinked rather than copied, as they belong to
		 * the caller.
		 */
		succ = an->right;
		while (succ->left != NULL)
			succ = succ->left;

		if (succ == an->right) {
			fix = succ;
		} else {
			fix = succ->parent;
			fix->left = succ->right;
			if (succ->right != NULL)
				succ->right->parent = fix;

			succ->right = an->right;
			succ->right->parent = succ;
		}

		succ->left = an->left;
		succ->left->parent = succ;

		succ->parent = an->parent;
		replace_child(tree, an->parent, an, succ);

		/* Starts out as tall as @an was, so rebalance can compare. */
		succ->height = an->height;
	}

	rebalance(tree, fix);
}

IV_EXPORT struct iv_avl_node *iv_avl_tree_next(struct iv_avl_node *an)
{
	if (an->right != NULL) {
		an = an->right;
		while (an->left != NULL)
			an = an->left;
		return an;
	}

	while (an->parent != NULL && an->parent->right == an)
		an = an->parent;

	return an->parent;
}

IV_EXPORT struct iv_avl_node *iv_avl_tree_prev(struct iv_avl_node *an)
{
	if (an->left != NULL) {
		an = an->left;
		while (an->right != NULL)
			an = an->right;
		return an;
	}

	while (an->parent != NULL && an->parent->left == an)
		an = an->parent;

	return an->parent;
}
