# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_task tests: FIFO order, the epoch rule, fairness and misuse.
iv_add_test(task fifo_order)
iv_add_test(task double_register NOBACKEND)
iv_add_test(task unregister_unregistered NOBACKEND)
iv_add_test(task registered_in_handler)
iv_add_test(task self_reregister)
iv_add_test(task register_other)
iv_add_test(task unregister_in_pass)
iv_add_test(task init_before_iv_init)
