# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
iv_add_test(abi layout NOBACKEND)
add_test(NAME abi.symbols COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/abi/symbols.sh
	$<TARGET_FILE:ivykis> ${PROJECT_SOURCE_DIR}/src/libivykis.ver
	${CMAKE_CURRENT_SOURCE_DIR}/abi/pending-symbols.txt)
add_test(NAME abi.headers COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/abi/headers.sh
	${CMAKE_C_COMPILER} ${CMAKE_BINARY_DIR}/include ${PROJECT_SOURCE_DIR}/include)
set_tests_properties(abi.symbols abi.headers PROPERTIES LABELS abi)
