# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_list: intrusive list tests (header only, no event loop involved).
iv_add_test(list add_order NOBACKEND)
iv_add_test(list del NOBACKEND)
iv_add_test(list splice NOBACKEND)
iv_add_test(list for_each_safe NOBACKEND)
iv_add_test(list container_of NOBACKEND)
