# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_eventhandler tests; each also runs as <name>@portable on the portable
# read path (IV_EVENTHANDLER_PORTABLE=1).

function(eh_add_test name)
	iv_add_test(eventhandler ${name} ${ARGN})
	cmake_parse_arguments(E "NOBACKEND" "TIMEOUT" "LABELS;ENV;LIBS" ${ARGN})
	if(NOT E_TIMEOUT)
		set(E_TIMEOUT 60)
	endif()
	set(scale)
	if(IV_VALGRIND)
		math(EXPR E_TIMEOUT "${E_TIMEOUT} * 5")
		set(scale ";IV_TEST_TIME_SCALE=5")
	endif()
	set(tn eventhandler.${name}@portable)
	add_test(NAME ${tn} COMMAND ${IV_TEST_LAUNCHER}
		$<TARGET_FILE:test_eventhandler_${name}>)
	set_tests_properties(${tn} PROPERTIES
		ENVIRONMENT "IV_EVENTHANDLER_PORTABLE=1;${E_ENV}${scale}"
		TIMEOUT ${E_TIMEOUT}
		SKIP_RETURN_CODE 77
		LABELS "eventhandler;portable;${E_LABELS}")
endfunction()

eh_add_test(basic NOBACKEND)
eh_add_test(reentrant NOBACKEND)
eh_add_test(blocking NOBACKEND LABELS mt)
# A stress test: too slow under valgrind (label slow), run everywhere else.
eh_add_test(concurrent NOBACKEND LABELS mt slow TIMEOUT 120)
eh_add_test(create_race NOBACKEND LABELS mt)
eh_add_test(lost_wakeup NOBACKEND LABELS mt)
eh_add_test(oom_fork NOBACKEND LABELS mt)
eh_add_test(fork_pin_window NOBACKEND LABELS mt)
eh_add_test(compat NOBACKEND)

add_executable(test_eventhandler_static_list
	${CMAKE_CURRENT_SOURCE_DIR}/eventhandler/static_list.c
	${CMAKE_CURRENT_SOURCE_DIR}/eventhandler/static_list_other.c)
target_include_directories(test_eventhandler_static_list PRIVATE
	${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(test_eventhandler_static_list PRIVATE ivykis
	Threads::Threads ${CMAKE_DL_LIBS})
foreach(v plain portable)
	set(tn eventhandler.static_list@${v})
	add_test(NAME ${tn} COMMAND ${IV_TEST_LAUNCHER}
		$<TARGET_FILE:test_eventhandler_static_list>)
	set(env)
	if(v STREQUAL "portable")
		set(env IV_EVENTHANDLER_PORTABLE=1)
	endif()
	set_tests_properties(${tn} PROPERTIES ENVIRONMENT "${env}"
		TIMEOUT 60 LABELS "eventhandler;${v}")
endforeach()

# T41/T42: a mismatched handler or invoke argument must not compile.
foreach(c 0 1 2)
	set(tn eventhandler.compile_fail_${c})
	add_test(NAME ${tn} COMMAND ${CMAKE_C_COMPILER} -std=gnu11
		-D_GNU_SOURCE -DEH_CASE=${c}
		-I${CMAKE_BINARY_DIR}/include -I${PROJECT_SOURCE_DIR}/include
		-c ${CMAKE_CURRENT_SOURCE_DIR}/eventhandler/compile_fail.c
		-o ${CMAKE_CURRENT_BINARY_DIR}/eh_compile_fail_${c}.o)
	if(NOT c EQUAL 0)
		set_tests_properties(${tn} PROPERTIES WILL_FAIL TRUE)
	endif()
	set_tests_properties(${tn} PROPERTIES LABELS "eventhandler")
endforeach()
eh_add_test(msg LABELS mt)

# T33, T34: snapshot stamps and churn stress (2 s; label slow like the
# other stress test).
eh_add_test(snapshot NOBACKEND LABELS mt)
eh_add_test(churn NOBACKEND LABELS mt slow TIMEOUT 120)

# T38: a library created the list by name in its constructor, before the
# executable's static list attached.
add_library(eh_early_lib SHARED
	${CMAKE_CURRENT_SOURCE_DIR}/eventhandler/early_lib.c)
target_link_libraries(eh_early_lib PRIVATE ivykis)
eh_add_test(attach_order NOBACKEND LIBS eh_early_lib)

# T43: a module with IV_EVENTHANDLER_DEFINE, loaded and unloaded.
add_library(eh_unload_mod MODULE
	${CMAKE_CURRENT_SOURCE_DIR}/eventhandler/unload_mod.c)
target_link_libraries(eh_unload_mod PRIVATE ivykis)
eh_add_test(unload NOBACKEND LABELS mt LIBS ${CMAKE_DL_LIBS})
target_compile_definitions(test_eventhandler_unload PRIVATE
	EH_MODULE_PATH="$<TARGET_FILE:eh_unload_mod>")
add_dependencies(test_eventhandler_unload eh_unload_mod)
