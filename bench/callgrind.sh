#!/bin/bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Instructions per event of each workload, Liana against Debian's ivykis.
#
# Usage: bench/callgrind.sh [--build] [--annotate] [BUILD_DIR]
#
# Each program runs under callgrind with collection switched on only
# inside its bench_region* functions (in every thread that enters one),
# and the collected Ir are divided by the events= count the program
# prints.  --build runs build.sh first (also done when binaries are
# missing); --annotate prints Liana's top functions (self cost) per
# workload.  The callgrind files stay in BUILD_DIR/bench-cg.
#
# B2b is timing-dependent (how many timers expire per loop iteration
# depends on how fast the run is), so its figure is less stable than the
# others.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=$src/build-rel
do_build=0
annotate=0
for a in "$@"; do
	case $a in
	--build) do_build=1 ;;
	--annotate) annotate=1 ;;
	-*) echo "usage: $0 [--build] [--annotate] [BUILD_DIR]" >&2; exit 1 ;;
	*) build=$a ;;
	esac
done

if [ $do_build = 1 ] || [ ! -x "$build/bench/b1_pipe_chain" ] ||
   [ ! -x "$build/bench-ivykis/b1_pipe_chain" ]; then
	"$here/build.sh" "$build"
fi
if ! command -v valgrind >/dev/null; then
	echo "callgrind.sh: valgrind is not installed" >&2
	exit 1
fi

out=$build/bench-cg
mkdir -p "$out"

# name|program and arguments
workloads=(
	"B1 N=1000 A=1|b1_pipe_chain 1000 1 1"
	"B1 N=1000 A=100|b1_pipe_chain 1000 100 1"
	"B2a M=10000|b2_timers churn 10000 1"
	"B2a M=100000|b2_timers churn 100000 1"
	"B2b M=10000|b2_timers fire 10000"
	"B2c fifo|b2_timers reset 10000 fifo 100000"
	"B2c random|b2_timers reset 10000 random 100000"
	"B3a|b3_pingpong 20000 pinned"
	"B4 K=1|b4_tasks 1 20000"
	"B4 K=1000|b4_tasks 1000 200000"
)

# run LIB TAG PROGRAM ARGS...: prints Ir per event
run() {
	local lib=$1 tag=$2 dir line events ir
	shift 2
	if [ "$lib" = liana ]; then
		dir=$build/bench
		export LD_LIBRARY_PATH=$build/src
	else
		dir=$build/bench-ivykis
		unset LD_LIBRARY_PATH
	fi
	line=$(BENCH_EXPECT_LIB=$lib valgrind --tool=callgrind \
		--collect-atstart=no --toggle-collect='bench_region*' \
		--callgrind-out-file="$out/$tag.$lib.out" \
		"$dir/$1" "${@:2}" 2>"$out/$tag.$lib.log") ||
		{ echo "callgrind run failed: $lib $*" >&2;
		  tail -5 "$out/$tag.$lib.log" >&2; echo nan; return; }
	events=$(sed -n 's/.* events=\([0-9]*\).*/\1/p' <<<"$line")
	ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out/$tag.$lib.out")
	awk -v ir="$ir" -v ev="$events" 'BEGIN { printf "%.1f", ir / ev }'
}

printf '%-18s %16s %16s %7s\n' workload liana_Ir/event ivykis_Ir/event ratio
for w in "${workloads[@]}"; do
	name=${w%%|*}
	cmd=${w#*|}
	tag=$(tr ' =' '__' <<<"$name")
	l=$(run liana "$tag" $cmd)
	i=$(run ivykis "$tag" $cmd)
	awk -v n="$name" -v l="$l" -v i="$i" 'BEGIN {
		r = i > 0 ? l / i : 0
		printf "%-18s %16s %16s %7.2f\n", n, l, i, r }'
done

if [ $annotate = 1 ]; then
	for w in "${workloads[@]}"; do
		name=${w%%|*}
		tag=$(tr ' =' '__' <<<"$name")
		echo
		echo "== $name: Liana's top functions (self Ir) =="
		callgrind_annotate --inclusive=no "$out/$tag.liana.out" \
			2>/dev/null | grep -E '^ *[0-9,]+ ' | head -12
	done
fi
