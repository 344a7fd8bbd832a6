#!/bin/bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# CI gate: callgrind instructions per event of the hot paths vs budgets.
#
# Usage: bench/ir-budget.sh [--update] [--kind dev|other]
#                           [--bindir DIR | BUILD_DIR]
#
# Runs B1 (N=1000, A=1 and A=100), B2a (M=10k), B3a (pinned) and B4
# (K=1) with small sizes under callgrind, collection switched on only
# inside bench_region*, and compares Ir per event with bench/ir-budgets.txt
# (the figure measured when the budget was set, plus about 10 %).  Exits
# 1 when a budget is exceeded, 77 (skipped) without valgrind or when
# --kind says the build is not the dev preset's (RelWithDebInfo -O2,
# no sanitizer): the budgets hold for that build only.
#
# --bindir DIR: the perf_* programs are already built in DIR (this is
# how CTest runs it, test perf.ir_budget).  BUILD_DIR (default
# <source>/build, the dev preset): builds the perf_* targets there first.
# --update rewrites ir-budgets.txt from this run's figures (+10 %).
# The loop is pinned to epoll-timerfd so that the figures are stable.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
budgets=$here/ir-budgets.txt
build=$src/build
bindir=
kind=dev
update=0
while [ $# -gt 0 ]; do
	case $1 in
	--update) update=1 ;;
	--kind) kind=$2; shift ;;
	--bindir) bindir=$2; shift ;;
	-*) sed -n '5,6p' "$0" >&2; exit 1 ;;
	*) build=$1 ;;
	esac
	shift
done

if [ "$kind" != dev ]; then
	echo "ir-budget: budgets are for the dev preset's build; skipped"
	exit 77
fi
if ! command -v valgrind >/dev/null; then
	echo "ir-budget: valgrind is not installed; skipped"
	exit 77
fi

progs="b1_pipe_chain b2_timers b3_pingpong b4_tasks"
if [ -z "$bindir" ]; then
	targets=()
	for p in $progs; do targets+=("perf_$p"); done
	cmake --build "$build" --target "${targets[@]}" >/dev/null
	bindir=$build/tests
fi

# name|program and arguments
workloads=(
	"B1_A1|b1_pipe_chain 1000 1 1"
	"B1_A100|b1_pipe_chain 1000 100 1"
	"B2a|b2_timers churn 10000 3"
	"B3a|b3_pingpong 2000 pinned"
	"B4_K1|b4_tasks 1 20000"
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export IV_EXCLUDE_POLL_METHOD="epoll ppoll poll"
export BENCH_EXPECT_LIB=liana

fail=0
new=()
printf '%-8s %10s %10s  %s\n' workload Ir/event budget verdict
for w in "${workloads[@]}"; do
	name=${w%%|*}
	set -- ${w#*|}
	prog=$bindir/perf_$1
	shift
	if ! line=$(valgrind --tool=callgrind --collect-atstart=no \
		--toggle-collect='bench_region*' \
		--callgrind-out-file="$tmp/$name.out" "$prog" "$@" \
		2>"$tmp/$name.log"); then
		echo "ir-budget: $name failed to run:" >&2
		tail -5 "$tmp/$name.log" >&2
		fail=1
		continue
	fi
	ev=$(sed -n 's/.* events=\([0-9]*\).*/\1/p' <<<"$line")
	ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$tmp/$name.out")
	per=$(awk -v ir="$ir" -v ev="$ev" 'BEGIN { printf "%.0f", ir / ev }')
	budget=$(awk -v n="$name" '$1 == n { print $2 }' "$budgets" \
		2>/dev/null || true)
	if [ -z "$budget" ]; then
		verdict="no budget"
		[ $update = 1 ] || fail=1
	elif [ "$per" -gt "$budget" ]; then
		verdict="OVER by $(awk -v a="$per" -v b="$budget" \
			'BEGIN { printf "%.1f %%", (a / b - 1) * 100 }')"
		fail=1
	else
		verdict=ok
	fi
	printf '%-8s %10s %10s  %s\n' "$name" "$per" "${budget:--}" "$verdict"
	new+=("$name $(awk -v p="$per" 'BEGIN { printf "%d", p * 1.10 + 1 }') $per")
done

if [ $update = 1 ]; then
	{
		echo "# SPDX-License-Identifier: MIT"
		echo "# Copyright (c) 2026 The Liana authors."
		echo "# Callgrind Ir per event budgets for bench/ir-budget.sh:"
		echo "# name, budget (measured + 10 %), measured when set."
		echo "# Dev preset build (RelWithDebInfo -O2), epoll-timerfd."
		for l in "${new[@]}"; do
			set -- $l
			printf '%-8s %6s  # measured %s\n' "$1" "$2" "$3"
		done
	} >"$budgets"
	echo "ir-budget: wrote $budgets"
	exit 0
fi
exit $fail
