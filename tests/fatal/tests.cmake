# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_fatal and the fatal message handler; none of these involve the loop.
iv_add_test(fatal custom_handler NOBACKEND)
iv_add_test(fatal truncation NOBACKEND)
iv_add_test(fatal default_handler NOBACKEND)
iv_add_test(fatal before_init NOBACKEND)
