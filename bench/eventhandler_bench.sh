#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Builds and runs the iv_eventhandler benchmark against a Liana build tree
# (default ../build); both read paths; GLib when pkg-config finds it.
# With --callgrind it counts instructions per invocation under callgrind
# instead of timing.
# Usage: eventhandler_bench.sh [--callgrind] [build-dir] [iterations]
set -e
mode=time
if [ "$1" = "--callgrind" ]; then
	mode=callgrind
	shift
fi
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

if [ "$mode" = time ]; then
	"$out" "${2:-2000000}"
	IV_EVENTHANDLER_PORTABLE=1 "$out" "${2:-2000000}"
	exit 0
fi

# One dump per case, "r_<impl> <N>", with the totals of <iters> runs
# (including the few instructions of the benchmark loop itself).
command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 1; }
iters=${2:-2000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/eh_cg.XXXXXX")
trap 'rm -rf "$dir"' EXIT
for path in slots portable; do
	rm -f "$dir"/cg.*
	env_path=
	[ "$path" = portable ] && env_path=IV_EVENTHANDLER_PORTABLE=1
	# shellcheck disable=SC2086
	env $env_path LD_LIBRARY_PATH="$build/src" valgrind --tool=callgrind \
		--callgrind-out-file="$dir/cg.%p" "$out" "$iters" cg \
		>/dev/null 2>"$dir/log" || { cat "$dir/log" >&2; exit 1; }
	echo "callgrind: instructions per invocation, $path read path"
	for f in "$dir"/cg.*.*; do
		awk -v k="$iters" '
			/^desc: Trigger: Client Request:/ { c = $5; n = $6 }
			/^totals:/ { t = $2 }
			END {
				if (c != "")
					printf "%s %s %.1f\n", c, n, t / k
			}' "$f"
	done | awk '
		{
			v[$1, $2] = $3
			if (!($2 in seen)) {
				seen[$2] = 1
				ns[++k] = $2
			}
		}
		END {
			for (i = 2; i <= k; i++) {
				for (j = i; j > 1 && ns[j - 1] > ns[j]; j--) {
					x = ns[j]
					ns[j] = ns[j - 1]
					ns[j - 1] = x
				}
			}
			printf "%-4s %9s %9s %9s %9s %9s %9s\n", "N",
			       "liana", "by-name", "naive", "freebsd",
			       "fb-direct", "glib"
			for (i = 1; i <= k; i++) {
				n = ns[i]
				if (!(("r_l", n) in v))
					continue
				printf "%-4s %9s %9s %9s %9s %9s %9s\n", n,
				       v["r_l", n], v["r_n", n], v["r_nv", n],
				       v["r_fb", n], v["r_fbd", n],
				       (("r_g", n) in v) ? v["r_g", n] : "-"
			}
			printf "register+deregister (64 present): liana %s, " \
			       "freebsd %s\n", v["r_rd", 64], v["r_fbrd", 64]
		}'
done
