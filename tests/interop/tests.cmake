# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Debian's unmodified syslog-ng on Liana's libivykis.so.0: live runs and an
# import check.  They install syslog-ng-core themselves (exit 77 where apt
# cannot run).  Not under valgrind or TSan: syslog-ng itself is not
# instrumented.  Under ASan the runtime is preloaded into syslog-ng.
if(NOT IV_VALGRIND AND NOT IV_SANITIZE MATCHES "thread")
	set(iv_interop_env)
	if(IV_SANITIZE MATCHES "address")
		execute_process(COMMAND ${CMAKE_C_COMPILER}
			-print-file-name=libasan.so
			OUTPUT_VARIABLE iv_libasan OUTPUT_STRIP_TRAILING_WHITESPACE)
		set(iv_interop_env "INTEROP_PRELOAD=${iv_libasan}"
			"ASAN_OPTIONS=detect_leaks=0")
	endif()
	# The default poll method, with the full load.
	add_test(NAME interop.syslog_ng
		COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/interop/syslog-ng.sh
		$<TARGET_FILE_DIR:ivykis>)
	set_tests_properties(interop.syslog_ng PROPERTIES
		ENVIRONMENT "${iv_interop_env}")
	# The plain poll method, with a lighter load.
	add_test(NAME interop.syslog_ng@poll
		COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/interop/syslog-ng.sh
		$<TARGET_FILE_DIR:ivykis>)
	set(iv_interop_poll_env ${iv_interop_env} INTEROP_MESSAGES=20000
		"IV_EXCLUDE_POLL_METHOD=epoll-timerfd epoll ppoll")
	set_tests_properties(interop.syslog_ng@poll PROPERTIES
		ENVIRONMENT "${iv_interop_poll_env}")
	add_test(NAME interop.abi_imports
		COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/interop/abi-imports.sh
		$<TARGET_FILE_DIR:ivykis>)
	set_tests_properties(interop.syslog_ng interop.syslog_ng@poll
		interop.abi_imports PROPERTIES
		LABELS interop TIMEOUT 600 SKIP_RETURN_CODE 77)
endif()
