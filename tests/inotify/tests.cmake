# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_inotify tests: routing by watch, removal from handlers, errors.
iv_add_test(inotify events_basic)
iv_add_test(inotify several_watches)
iv_add_test(inotify unregister_watch_in_handler)
iv_add_test(inotify unregister_instance_in_handler)
iv_add_test(inotify oneshot)
iv_add_test(inotify ignored)
iv_add_test(inotify unregister_dropped)
iv_add_test(inotify unregister_after_instance)
iv_add_test(inotify bad_path)
iv_add_test(inotify duplicate_watch)
iv_add_test(inotify queue_overflow)
iv_add_test(inotify term_initialised)
iv_add_test(inotify fd_flags)
iv_add_test(inotify no_init)
