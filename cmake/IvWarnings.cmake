# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# The one place where the warning set and the sanitizer flags are chosen.

add_compile_definitions(_GNU_SOURCE)
add_compile_options(
	-Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes -Wshadow
	-Wpointer-arith -Wcast-qual -Wwrite-strings -Wno-unused-parameter
	-Wno-missing-field-initializers)
if(IV_WERROR)
	add_compile_options(-Werror)
endif()

if(IV_SANITIZE)
	add_compile_options(-fsanitize=${IV_SANITIZE} -fno-sanitize-recover=all
			    -fno-omit-frame-pointer)
	add_link_options(-fsanitize=${IV_SANITIZE})
endif()
