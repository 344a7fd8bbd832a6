# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_tls tests: per-thread areas and the two fatal misuses.
iv_add_test(tls init_deinit LABELS mt)
iv_add_test(tls register_after_init NOBACKEND)
iv_add_test(tls ptr_unregistered NOBACKEND)
