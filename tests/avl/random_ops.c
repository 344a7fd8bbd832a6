/* SPDX-License-Identifier: MIT */
/* Copyright (c) 2026 The Liana authors. */
/* Thousands of random inserts and deletes, checking the shape after each. */

#include <stdint.h>
#include "avl_verify.h"

#define NKEYS	700
#define NOPS	12000

static struct knode nodes[NKEYS];
static int present[NKEYS];
static uint32_t rng = 0x12345678;

static uint32_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* The in-order walk must list exactly the keys marked present. */
static void check_contents(const struct iv_avl_tree *tree)
{
	struct iv_avl_node *an = iv_avl_tree_min(tree);
	int i;

	for (i = 0; i < NKEYS; i++) {
		if (!present[i])
			continue;
		CHECK(an == &nodes[i].an);
		an = iv_avl_tree_next(an);
	}
	CHECK(an == NULL);
}

int main(void)
{
	struct iv_avl_tree tree = IV_AVL_TREE_INIT(knode_compare);
	struct knode dup;
	int count = 0;
	int inserts = 0;
	int deletes = 0;
	int dups = 0;
	int op;
	int i;

	TEST_BEGIN(60);

	for (i = 0; i < NKEYS; i++)
		nodes[i].key = i * 3 - NKEYS;

	for (op = 0; op < NOPS; op++) {
		int k = next_random() % NKEYS;
		struct iv_avl_node *an = &nodes[k].an;

		if (!present[k]) {
			CHECK_EQ_INT(iv_avl_tree_insert(&tree, an), 0);
			present[k] = 1;
			count++;
			inserts++;
		} else if (next_random() % 4 == 0) {
			/* A second node with an equal key is refused. */
			dup.key = nodes[k].key;
			CHECK_EQ_INT(iv_avl_tree_insert(&tree, &dup.an), -1);
			dups++;
		} else {
			iv_avl_tree_delete(&tree, an);
			present[k] = 0;
			count--;
			deletes++;
		}

		avl_verify(&tree, count);
		check_contents(&tree);
	}

	/* Empty it again in random order. */
	while (count > 0) {
		int k = next_random() % NKEYS;

		if (!present[k])
			continue;
		iv_avl_tree_delete(&tree, &nodes[k].an);
		present[k] = 0;
		count--;
		avl_verify(&tree, count);
		check_contents(&tree);
	}

	CHECK(tree.root == NULL);
	CHECK(inserts > 1000 && deletes > 1000 && dups > 100);

	return 0;
}
