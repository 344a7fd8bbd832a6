# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_event tests: cross-thread posting, coalescing, unregistering, stress.
iv_add_test(event cross_thread_many LABELS mt)
iv_add_test(event coalesce LABELS mt)
iv_add_test(event unregister_pending LABELS mt)
iv_add_test(event unregister_free LABELS mt)
iv_add_test(event nested_main_unregister)
iv_add_test(event register_no_fd LABELS mt)
iv_add_test(event stress LABELS mt TIMEOUT 120)
