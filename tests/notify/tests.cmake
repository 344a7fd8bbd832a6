# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_notify tests: QNX notification semantics, deliveries, watches, polls.
iv_add_test(notify semantics NOBACKEND)
iv_add_test(notify deliveries NOBACKEND LABELS mt)
iv_add_test(notify poll_block NOBACKEND LABELS mt)
iv_add_test(notify callback LABELS mt)
iv_add_test(notify watch_level)
iv_add_test(notify destroy)
iv_add_test(notify fanout_mt LABELS mt TIMEOUT 120)
