#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Installs the build into a temporary prefix and builds a program against
# it twice: through find_package(ivykis) and through pkg-config.
# Usage: consumer.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in iv.h iv_event.h iv_work.h; do
	[ -f "$tmp/prefix/include/$f" ] || { echo "missing header $f"; exit 1; }
done
lib=$(find "$tmp/prefix" -name 'libivykis.so.0' | head -n 1)
[ -n "$lib" ] || { echo "libivykis.so.0 not installed"; exit 1; }
libdir=$(dirname "$lib")
[ -f "$libdir/libivykis.a" ] || { echo "libivykis.a not installed"; exit 1; }
ls "$tmp/prefix/share/man/man3/iv_fd.3" >/dev/null

mkdir "$tmp/app"
cp "$src/examples/timer_tick.c" "$tmp/app/main.c"
cat >"$tmp/app/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.25)
project(consumer C)
find_package(ivykis REQUIRED)
add_executable(app main.c)
target_link_libraries(app ivykis::ivykis)
CM
cmake -S "$tmp/app" -B "$tmp/app/b" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/app/b" >/dev/null
LD_LIBRARY_PATH=$libdir "$tmp/app/b/app" >/dev/null
echo "find_package consumer: ok"

if command -v pkg-config >/dev/null 2>&1; then
	pc=$(find "$tmp/prefix" -name ivykis.pc | head -n 1)
	# The .pc names the configured prefix; point it at the temporary one.
	sed "s|^prefix=.*|prefix=$tmp/prefix|" "$pc" >"$tmp/ivykis.pc"
	cc "$tmp/app/main.c" -o "$tmp/app/pc" \
		$(PKG_CONFIG_PATH=$tmp pkg-config --cflags --libs ivykis)
	LD_LIBRARY_PATH=$libdir "$tmp/app/pc" >/dev/null
	echo "pkg-config consumer: ok"
fi
