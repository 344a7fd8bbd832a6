#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Builds and runs the iv_notify benchmark against a Liana build tree
# (default ../build).  Usage: notify_bench.sh [build-dir] [w1|w2|w3|w5|all]
# [scale].  With NOTIFY_BENCH_STRACE=1 it also counts the syscalls of the
# W2 run per mechanism (strace -c -f), for the syscalls-per-item column.
set -e
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=${1:-$top/build}
out=${TMPDIR:-/tmp}/notify_bench
cc -std=gnu11 -D_GNU_SOURCE -O2 -Wall -Wextra -Wno-unused-parameter \
	-I"$build/include" -I"$top/include" "$here/notify_bench.c" \
	-o "$out" -L"$build/src" -Wl,-rpath,"$build/src" -livykis -lpthread
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)
echo "#$cpu, $(nproc) cpus, kernel $(uname -r)"
"$out" "${2:-all}" "${3:-1}"
if [ "${NOTIFY_BENCH_STRACE:-0}" = 1 ] && command -v strace >/dev/null; then
	strace -c -f -o "$out.strace" "$out" w2 "${3:-1}" >/dev/null
	cat "$out.strace"
fi
