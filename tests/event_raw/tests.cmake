# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_event_raw tests; each *_pipe program reruns its twin over a forced pipe.
iv_add_test(event_raw post_coalesce)
iv_add_test(event_raw post_coalesce_pipe ENV IV_EVENT_RAW_FORCE_PIPE=1)
iv_add_test(event_raw fd_flags)
iv_add_test(event_raw fd_flags_pipe ENV IV_EVENT_RAW_FORCE_PIPE=1)
iv_add_test(event_raw post_from_thread LABELS mt)
iv_add_test(event_raw post_from_thread_pipe LABELS mt
	ENV IV_EVENT_RAW_FORCE_PIPE=1)
iv_add_test(event_raw post_from_signal LABELS mt)
iv_add_test(event_raw post_from_signal_pipe LABELS mt
	ENV IV_EVENT_RAW_FORCE_PIPE=1)
iv_add_test(event_raw post_from_child)
iv_add_test(event_raw post_from_child_pipe ENV IV_EVENT_RAW_FORCE_PIPE=1)
iv_add_test(event_raw reregister)
iv_add_test(event_raw reregister_pipe ENV IV_EVENT_RAW_FORCE_PIPE=1)
