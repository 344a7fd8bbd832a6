# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_timer tests: firing, ordering, fairness, cancellation and misuse.
iv_add_test(timer single)
iv_add_test(timer past_expiry)
iv_add_test(timer zero_expiry)
iv_add_test(timer fairness)
iv_add_test(timer fairness_bug)
iv_add_test(timer ascending_order TIMEOUT 120)
iv_add_test(timer random_order)
iv_add_test(timer equal_fifo)
iv_add_test(timer cancel_collected)
iv_add_test(timer rearm_past)
iv_add_test(timer unregister_middle)
iv_add_test(timer double_register NOBACKEND)
iv_add_test(timer unregister_unregistered NOBACKEND)
iv_add_test(timer nsec_range NOBACKEND)
iv_add_test(timer run_and_heap)
