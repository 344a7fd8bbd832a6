# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# The installed library, headers, man pages, CMake package and ivykis.pc work.
# (Not in sanitizer builds: an uninstrumented consumer cannot load them.)
if(NOT IV_SANITIZE)
add_test(NAME install.consumer COMMAND sh
	${CMAKE_CURRENT_SOURCE_DIR}/install/consumer.sh ${CMAKE_BINARY_DIR}
	${PROJECT_SOURCE_DIR})
set_tests_properties(install.consumer PROPERTIES LABELS "install;novalgrind"
	TIMEOUT 300)
endif()
