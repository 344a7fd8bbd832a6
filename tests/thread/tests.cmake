# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_thread tests: create and join, debug lines, child listing, odd exits.
iv_add_test(thread create_join LABELS mt)
iv_add_test(thread debug_messages LABELS mt)
iv_add_test(thread list_children LABELS mt)
iv_add_test(thread exit_cancel LABELS mt)
iv_add_test(thread nested LABELS mt)
iv_add_test(thread many_children LABELS mt)
iv_add_test(thread orphan_on_deinit LABELS mt)
iv_add_test(thread orphan_on_exit LABELS mt)
iv_add_test(thread orphan_race LABELS mt)
iv_add_test(thread create_fail_debug LABELS mt LIBS ${CMAKE_DL_LIBS})
