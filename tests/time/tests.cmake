# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_now tests: clock source, caching and monotonicity.
iv_add_test(time monotonic)
iv_add_test(time cached)
iv_add_test(time clock_source)
