#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Builds and runs the iv_eventhandler benchmark against a Liana build tree
# (default ../build); both read paths; GLib when pkg-config finds it.
set -e
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=${1:-$top/build}
out=${TMPDIR:-/tmp}/eventhandler_bench
glib_cflags= glib_libs= glib_def=
if pkg-config --exists gobject-2.0 2>/dev/null; then
	glib_cflags=$(pkg-config --cflags gobject-2.0)
	glib_libs=$(pkg-config --libs gobject-2.0)
	glib_def=-DEH_BENCH_GLIB
fi
# shellcheck disable=SC2086
cc -std=gnu11 -D_GNU_SOURCE -O2 $glib_def $glib_cflags \
	-I"$build/include" -I"$top/include" "$here/eventhandler_bench.c" \
	-o "$out" -L"$build/src" -Wl,-rpath,"$build/src" -livykis \
	-lpthread $glib_libs
"$out" "${2:-2000000}"
IV_EVENTHANDLER_PORTABLE=1 "$out" "${2:-2000000}"
if [ -n "$CALLGRIND" ] && command -v valgrind >/dev/null; then
	valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$out" 20000 2>&1 | grep -E "Collected|refs"
fi
