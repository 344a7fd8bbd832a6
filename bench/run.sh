#!/bin/bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Wall-clock comparison of Liana and Debian's ivykis, then the Ir table.
#
# Usage: bench/run.sh [--full] [--reps N] [--no-callgrind] [--annotate]
#                     [BUILD_DIR]
#
# Builds both variants (build.sh), then runs every workload N times
# (default 5), the libraries interleaved and their order rotated from one
# repetition to the next.  For each workload it prints the median, min and
# max of each library and the median over the repetitions of the ratio
# Liana/ivykis.  For posts/s higher is better; for everything else lower
# is better.  B3a rows also run the raw eventfd floor in the same
# repetitions.  Every single run's line is kept in BUILD_DIR/bench-runs.txt.
# Quick mode (the default) takes about two minutes; --full adds the large
# sizes (B1 N=9000, B2a/B2b M=1M) and floods for 1 s instead of 0.5 s.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=$src/build-rel
reps=5
full=0
callgrind=1
cg_args=()
while [ $# -gt 0 ]; do
	case $1 in
	--full) full=1 ;;
	--reps) reps=$2; shift ;;
	--no-callgrind) callgrind=0 ;;
	--annotate) cg_args+=(--annotate) ;;
	-*) sed -n '5,7p' "$0" >&2; exit 1 ;;
	*) build=$1 ;;
	esac
	shift
done

"$here/build.sh" "$build"

flood=0.5
[ $full = 1 ] && flood=1
# name|metric key|program and arguments|with the eventfd floor (1) or not
workloads=(
	"B1 N=1000 A=1|ns_per_event|b1_pipe_chain 1000 1 3|0"
	"B1 N=1000 A=100|ns_per_event|b1_pipe_chain 1000 100 3|0"
	"B2a M=10k|ns_per_op|b2_timers churn 10000|0"
	"B2a M=100k|ns_per_op|b2_timers churn 100000|0"
	"B2b M=100k|cpu_ns_per_timer|b2_timers fire 100000|0"
	"B2c fifo|ns_per_reset|b2_timers reset 10000 fifo 1000000|0"
	"B2c random|ns_per_reset|b2_timers reset 10000 random 1000000|0"
	"B3a pinned|us_per_roundtrip|b3_pingpong 30000 pinned|1"
	"B3a unpinned|us_per_roundtrip|b3_pingpong 30000 unpinned|1"
	"B3b flood|posts_per_s|b3_flood $flood|0"
	"B4 K=1|ns_per_callback|b4_tasks 1 100000|0"
	"B4 K=1000|ns_per_callback|b4_tasks 1000 2000000|0"
)
if [ $full = 1 ]; then
	workloads+=(
	"B1 N=9000 A=1|ns_per_event|b1_pipe_chain 9000 1 3|0"
	"B1 N=9000 A=100|ns_per_event|b1_pipe_chain 9000 100 3|0"
	"B2a M=1M|ns_per_op|b2_timers churn 1000000|0"
	"B2b M=1M|cpu_ns_per_timer|b2_timers fire 1000000|0"
	)
fi

log=$build/bench-runs.txt
: >"$log"

# one LIB KEY PROGRAM ARGS...: runs once, prints the value of KEY
one() {
	local lib=$1 key=$2 line
	shift 2
	case $lib in
	liana) line=$(LD_LIBRARY_PATH=$build/src BENCH_EXPECT_LIB=liana \
		"$build/bench/$1" "${@:2}") ;;
	ivykis) line=$(env -u LD_LIBRARY_PATH BENCH_EXPECT_LIB=ivykis \
		"$build/bench-ivykis/$1" "${@:2}") ;;
	floor) line=$(BENCH_EXPECT_LIB=none "$build/bench/b3_eventfd_floor" \
		"${@:2}") ;;
	esac
	echo "$line" >>"$log"
	sed -n "s/.* $key=\([^ ]*\).*/\1/p" <<<"$line"
}

# stats V1 V2 ...: median min max
stats() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.4g %.4g %.4g", m, v[1], v[NR] }'
}

fmt='%-17s %-17s %-26s %-26s %7s %s\n'
printf "$fmt" workload metric "liana median (min-max)" \
	"ivykis median (min-max)" ratio "eventfd floor"
for w in "${workloads[@]}"; do
	IFS='|' read -r name key cmd with_floor <<<"$w"
	libs=(liana ivykis)
	[ "$with_floor" = 1 ] && libs+=(floor)
	n=${#libs[@]}
	lv=() iv=() fv=() ratios=()
	for ((r = 0; r < reps; r++)); do
		declare -A got=()
		for ((j = 0; j < n; j++)); do
			lib=${libs[(r + j) % n]}
			got[$lib]=$(one "$lib" "$key" $cmd)
		done
		lv+=("${got[liana]}")
		iv+=("${got[ivykis]}")
		[ "$with_floor" = 1 ] && fv+=("${got[floor]}")
		ratios+=("$(awk -v a="${got[liana]}" -v b="${got[ivykis]}" \
			'BEGIN { printf "%.4f", a / b }')")
		unset got
	done
	read -r lm lmin lmax <<<"$(stats "${lv[@]}")"
	read -r im imin imax <<<"$(stats "${iv[@]}")"
	read -r rm _ _ <<<"$(stats "${ratios[@]}")"
	fl=
	if [ "$with_floor" = 1 ]; then
		read -r fm fmin fmax <<<"$(stats "${fv[@]}")"
		fl="$fm ($fmin-$fmax)"
	fi
	printf "$fmt" "$name" "$key" "$lm ($lmin-$lmax)" \
		"$im ($imin-$imax)" "$(printf '%.2f' "$rm")" "$fl"
	echo "result workload=\"$name\" metric=$key liana=$lm ivykis=$im" \
		"ratio=$rm${fl:+ floor=$fm}" >>"$log"
done

if [ $callgrind = 1 ]; then
	echo
	"$here/callgrind.sh" "${cg_args[@]}" "$build"
fi
