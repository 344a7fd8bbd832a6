# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_notify tests: QNX notification semantics, deliveries, watches, polls.
iv_add_test(notify semantics NOBACKEND)
iv_add_test(notify deliveries NOBACKEND LABELS mt)
iv_add_test(notify poll_block NOBACKEND LABELS mt)
iv_add_test(notify callback LABELS mt)
iv_add_test(notify wake_after_unlock LABELS mt)
iv_add_test(notify watch_level)
iv_add_test(notify destroy)
iv_add_test(notify fanout_mt LABELS mt TIMEOUT 120)
iv_add_test(notify qnx_mqueue NOBACKEND)
iv_add_test(notify race_async)
iv_add_test(notify semantics_ext NOBACKEND)
iv_add_test(notify watch_free)
iv_add_test(notify ppoll_mixed NOBACKEND LABELS mt)
iv_add_test(notify thread_exit NOBACKEND LABELS mt)
# 200 rounds of three racing threads: minutes under valgrind (label slow).
iv_add_test(notify close_race NOBACKEND LABELS mt slow)
iv_add_test(notify fastpath NOBACKEND LABELS mt TIMEOUT 120)
iv_add_test(notify sigpending NOBACKEND)

# The race tests build their own copy of src/iv_notify.c with the test-only
# hook points compiled in; its definitions take precedence over the library's.
function(iv_notify_hook_test name)
	iv_add_test(notify ${name} ${ARGN})
	target_sources(test_notify_${name} PRIVATE
		${PROJECT_SOURCE_DIR}/src/iv_notify.c)
	target_compile_definitions(test_notify_${name} PRIVATE
		IV_NOTIFY_TEST_HOOKS)
	target_include_directories(test_notify_${name} PRIVATE
		${PROJECT_SOURCE_DIR}/src)
endfunction()
iv_notify_hook_test(race_arm NOBACKEND LABELS mt)
iv_notify_hook_test(race_watch LABELS mt)
iv_notify_hook_test(race_stale NOBACKEND)
iv_notify_hook_test(race_destroy NOBACKEND LABELS mt)

# Scenario 43: the other notify tests again, each linked with that hooked
# copy, whose lock-rank checker aborts on any upward lock acquisition.
function(iv_notify_ranked_test name)
	cmake_parse_arguments(R "" "TIMEOUT" "" ${ARGN})
	if(NOT R_TIMEOUT)
		set(R_TIMEOUT 60)
	endif()
	set(exe test_notify_${name}_ranked)
	add_executable(${exe} ${CMAKE_CURRENT_SOURCE_DIR}/notify/${name}.c
		${PROJECT_SOURCE_DIR}/src/iv_notify.c)
	target_compile_definitions(${exe} PRIVATE IV_NOTIFY_TEST_HOOKS)
	target_include_directories(${exe} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
		${PROJECT_SOURCE_DIR}/src)
	target_link_libraries(${exe} PRIVATE ivykis Threads::Threads)
	add_test(NAME notify.${name}.ranked
		COMMAND ${IV_TEST_LAUNCHER} $<TARGET_FILE:${exe}>)
	set(env)
	if(IV_VALGRIND)
		set(env IV_TEST_TIME_SCALE=5)
		math(EXPR R_TIMEOUT "${R_TIMEOUT} * 5")
	endif()
	set_tests_properties(notify.${name}.ranked PROPERTIES
		ENVIRONMENT "${env}" TIMEOUT ${R_TIMEOUT}
		SKIP_RETURN_CODE 77 LABELS "notify;ranked")
endfunction()
foreach(t semantics deliveries poll_block callback watch_level destroy
	  qnx_mqueue race_async semantics_ext watch_free ppoll_mixed
	  thread_exit close_race fastpath sigpending wake_after_unlock)
	iv_notify_ranked_test(${t})
endforeach()
iv_notify_ranked_test(fanout_mt TIMEOUT 120)
# Both sigpending programs use up the user's pending-signal budget.
set_tests_properties(notify.sigpending notify.sigpending.ranked PROPERTIES
	RESOURCE_LOCK notify_sigpending)
set_tests_properties(notify.close_race.ranked PROPERTIES
	LABELS "notify;ranked;slow")
