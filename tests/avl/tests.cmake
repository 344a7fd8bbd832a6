# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_avl: intrusive AVL tree tests (no event loop involved).
iv_add_test(avl random_ops NOBACKEND)
iv_add_test(avl duplicate_insert NOBACKEND)
iv_add_test(avl insert_fields NOBACKEND)
iv_add_test(avl walk NOBACKEND)
iv_add_test(avl for_each NOBACKEND)
iv_add_test(avl delete_positions NOBACKEND)
