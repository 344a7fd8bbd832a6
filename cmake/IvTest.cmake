# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# iv_add_test(): one line per self-checking test program.
#
#   iv_add_test(<module> <name> [NOBACKEND] [LABELS l...] [ENV K=V...]
#               [TIMEOUT s] [LIBS lib...])
#
# Builds tests/<module>/<name>.c and registers one CTest test per poll
# method, named <module>.<name>@<method>, pinned with IV_EXCLUDE_POLL_METHOD
# naming every other method.  NOBACKEND registers a single test
# <module>.<name> for behaviour that does not involve the loop.  A program
# exits 77 to report that the kernel lacks what it needs (skipped).

set(IV_POLL_METHODS epoll-timerfd epoll ppoll poll)

# IV_VALGRIND runs every test program under memcheck: any error or leak
# fails the test.
option(IV_VALGRIND "Run the test programs under valgrind memcheck" OFF)
set(IV_TEST_LAUNCHER)
if(IV_VALGRIND)
	find_program(IV_VALGRIND_EXE valgrind REQUIRED)
	set(IV_TEST_LAUNCHER ${IV_VALGRIND_EXE} -q --error-exitcode=99
		--leak-check=full --errors-for-leak-kinds=definite,indirect
		--show-leak-kinds=definite,indirect
		--suppressions=${PROJECT_SOURCE_DIR}/tests/valgrind.supp)
endif()

function(iv_add_test module name)
	cmake_parse_arguments(T "NOBACKEND" "TIMEOUT" "LABELS;ENV;LIBS" ${ARGN})
	if(NOT T_TIMEOUT)
		set(T_TIMEOUT 60)
	endif()
	if(IV_VALGRIND)
		math(EXPR T_TIMEOUT "${T_TIMEOUT} * 5")
	endif()
	set(exe test_${module}_${name})
	add_executable(${exe} ${CMAKE_CURRENT_SOURCE_DIR}/${module}/${name}.c)
	target_include_directories(${exe} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
	target_link_libraries(${exe} PRIVATE ivykis Threads::Threads ${T_LIBS})
	if(T_NOBACKEND)
		set(methods none)
	else()
		set(methods ${IV_POLL_METHODS})
	endif()
	foreach(m ${methods})
		if(m STREQUAL "none")
			set(tname ${module}.${name})
			set(env ${T_ENV})
		else()
			set(tname ${module}.${name}@${m})
			set(others ${IV_POLL_METHODS})
			list(REMOVE_ITEM others ${m})
			list(JOIN others " " excl)
			set(env "IV_EXCLUDE_POLL_METHOD=${excl}"
				"IV_TEST_EXPECT_METHOD=${m}" ${T_ENV})
		endif()
		if(IV_VALGRIND)
			list(APPEND env IV_TEST_TIME_SCALE=5)
		endif()
		add_test(NAME ${tname} COMMAND ${IV_TEST_LAUNCHER} $<TARGET_FILE:${exe}>)
		set_tests_properties(${tname} PROPERTIES
			ENVIRONMENT "${env}"
			TIMEOUT ${T_TIMEOUT}
			SKIP_RETURN_CODE 77
			LABELS "${module};${m};${T_LABELS}")
	endforeach()
endfunction()
