# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# perf: callgrind instruction budgets of the hot paths (bench/ir-budget.sh).
#
# The bench programs are built here as part of the normal build; the test
# runs them under callgrind and fails when an Ir/event figure exceeds
# bench/ir-budgets.txt.  The budgets are for the dev preset's build
# (RelWithDebInfo, no sanitizer, no memcheck); elsewhere the script
# skips (77), as it does when valgrind is missing.
foreach(prog b1_pipe_chain b2_timers b3_pingpong b4_tasks)
	add_executable(perf_${prog} ${PROJECT_SOURCE_DIR}/bench/${prog}.c)
	target_link_libraries(perf_${prog} PRIVATE ivykis Threads::Threads)
endforeach()
if(CMAKE_BUILD_TYPE STREQUAL "RelWithDebInfo" AND NOT IV_SANITIZE AND
   NOT IV_VALGRIND)
	set(iv_perf_kind dev)
else()
	set(iv_perf_kind other)
endif()
add_test(NAME perf.ir_budget
	COMMAND ${PROJECT_SOURCE_DIR}/bench/ir-budget.sh --kind ${iv_perf_kind}
		--bindir $<TARGET_FILE_DIR:perf_b1_pipe_chain>)
set_tests_properties(perf.ir_budget PROPERTIES
	TIMEOUT 300
	SKIP_RETURN_CODE 77
	LABELS "perf;novalgrind")
