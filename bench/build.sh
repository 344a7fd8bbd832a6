#!/bin/bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Builds the bench programs twice: against Liana and against Debian's ivykis.
#
# Usage: bench/build.sh [BUILD_DIR]    (default: <source>/build-rel)
#
# Liana's variant comes from CMake (Release, IV_BUILD_BENCH=ON) into
# BUILD_DIR/bench; the ivykis twins are the same sources compiled with gcc
# against /usr/include and the system libivykis into BUILD_DIR/bench-ivykis.
# The ivykis compile sees only the system headers, never Liana's.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${1:-$src/build-rel}
progs="b1_pipe_chain b2_timers b3_pingpong b3_flood b4_tasks"

log=$build/bench-build.log
mkdir -p "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DIV_BUILD_BENCH=ON \
	>"$log" 2>&1 || { tail -40 "$log"; exit 1; }
make -C "$build" -j2 $progs b3_eventfd_floor >>"$log" 2>&1 ||
	{ tail -40 "$log"; exit 1; }

if [ ! -e /usr/include/iv.h ] || [ ! -e /usr/lib/x86_64-linux-gnu/libivykis.so ]
then
	echo "build.sh: Debian's libivykis-dev is not installed" >&2
	exit 1
fi

mkdir -p "$build/bench-ivykis"
for p in $progs; do
	gcc -std=gnu11 -O3 -DNDEBUG -D_GNU_SOURCE -Wall -Wextra \
		-Wno-unused-parameter -I/usr/include "$here/$p.c" \
		-o "$build/bench-ivykis/$p" \
		-L/usr/lib/x86_64-linux-gnu -livykis -lpthread
done
