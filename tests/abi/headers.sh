#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Each public header compiles on its own, as C11 (POSIX 2008) and as C++.
# Usage: headers.sh CC BUILD_INCLUDE_DIR SOURCE_INCLUDE_DIR
set -eu
cc=$1 bin=$2 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for h in "$bin"/iv.h "$src"/iv_*.h; do
	name=$(basename "$h")
	printf '#include <%s>\nint main(void) { return 0; }\n' "$name" >"$tmp/t.c"
	if ! "$cc" -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -I"$bin" -I"$src" \
			-c "$tmp/t.c" -o "$tmp/t.o"; then
		echo "$name does not compile alone as C11"
		fail=1
	fi
	if command -v c++ >/dev/null 2>&1; then
		cp "$tmp/t.c" "$tmp/t.cc"
		if ! c++ -Wall -Werror -I"$bin" -I"$src" -c "$tmp/t.cc" \
				-o "$tmp/t.o"; then
			echo "$name does not compile alone as C++"
			fail=1
		fi
	fi
done
[ $fail = 0 ] && echo "all headers compile alone"
exit $fail
