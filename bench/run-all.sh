#!/bin/bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Runs B1-B4 and the scale series on Liana, ivykis, libevent, libev, libuv.
#
# Usage: bench/run-all.sh [--quick|--full] [--reps N] [--no-callgrind]
#                         [--no-install] [--report-only] [BUILD_DIR]
#                         (BUILD_DIR defaults to <source>/build-rel)
#
# Installs what is missing from Debian (libivykis-dev libevent-dev
# libev-dev libuv1-dev valgrind gnuplot-nox; --no-install only checks),
# builds Liana's and ivykis' programs (build.sh) and the three peer
# adapters, then runs every workload REPS times (quick 3, full 5), the
# libraries interleaved with the order rotated each repetition.  Every
# figure is a cost (lower is better; B3b is reported as ns per post).
# A library's ratio is its value over the best peer's (ivykis, libevent,
# libev, libuv) in the same repetition; the table shows the median, min
# and max of the values, the median of the ratios, and callgrind's
# instructions per event (collection on only inside bench_region*).
# Output: a table on the terminal, and in BUILD_DIR/bench-results/
# results.tsv (one line per workload and library), results.md (the
# table for docs/PERFORMANCE.md), runs.tsv (every single run), ratios.png
# (Liana's ratio to the best peer, when gnuplot is there).
# --quick takes under 2 minutes (no scale series, smaller sizes); --full
# under 15.  A run that fails or takes over 120 s (Debian's ivykis
# once hung in the 64-thread flood) counts as missing.  --report-only
# redoes the tables and the chart from the files of the last run.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=$src/build-rel
mode=quick
reps=
callgrind=1
install=1
report_only=0
while [ $# -gt 0 ]; do
	case $1 in
	--quick) mode=quick ;;
	--full) mode=full ;;
	--reps) reps=$2; shift ;;
	--no-callgrind) callgrind=0 ;;
	--no-install) install=0 ;;
	--report-only) report_only=1 ;;
	-*) sed -n '5,7p' "$0" >&2; exit 1 ;;
	*) build=$1 ;;
	esac
	shift
done
[ -n "$reps" ] || { [ $mode = full ] && reps=5 || reps=3; }
start=$(date +%s)

out=$build/bench-results
runs=$out/runs.tsv
cgt=$out/callgrind.tsv
if [ $report_only = 0 ]; then

# ---- dependencies ----
need=()
for p in libivykis-dev libevent-dev libev-dev libuv1-dev valgrind gnuplot-nox
do
	dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
	if [ $install = 1 ]; then
		as_root=()
		[ "$(id -u)" = 0 ] || as_root=(sudo)
		echo "run-all: installing ${need[*]}"
		{ "${as_root[@]}" apt-get update -qq &&
		  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" \
			apt-get install -y -qq "${need[@]}"; } >/dev/null ||
			echo "run-all: apt-get failed" >&2
	else
		echo "run-all: missing ${need[*]}" >&2
	fi
fi
command -v valgrind >/dev/null || callgrind=0

# B1 N=9500 registers 19000 sockets: lift the soft fd limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# ---- build ----
"$here/build.sh" "$build"
peers=$build/bench-peers
mkdir -p "$peers"
cflags=(-std=gnu11 -O3 -DNDEBUG -D_GNU_SOURCE -Wall -Wextra
	-Wno-unused-parameter)
gcc "${cflags[@]}" "$here/peer_libevent.c" -o "$peers/bench_libevent" \
	-levent_core -levent_pthreads -lpthread
gcc "${cflags[@]}" "$here/peer_libev.c" -o "$peers/bench_libev" -lev -lpthread
gcc "${cflags[@]}" "$here/peer_libuv.c" -o "$peers/bench_libuv" -luv -lpthread

# ---- workloads: name|metric|program and arguments ----
if [ $mode = full ]; then
	b1r=3; b3r=20000; fl=1; resets=1000000; b4n=1000000
else
	b1r=1; b3r=4000; fl=0.3; resets=300000; b4n=300000
fi
workloads=(
	"B1 N=100 A=1|ns_per_event|b1_pipe_chain 100 1 $b1r"
	"B1 N=100 A=100|ns_per_event|b1_pipe_chain 100 100 $b1r"
	"B1 N=1000 A=1|ns_per_event|b1_pipe_chain 1000 1 $b1r"
	"B1 N=1000 A=100|ns_per_event|b1_pipe_chain 1000 100 $b1r"
	"B1 N=9000 A=1|ns_per_event|b1_pipe_chain 9000 1 $b1r"
	"B1 N=9000 A=100|ns_per_event|b1_pipe_chain 9000 100 $b1r"
	"B2a M=10k|ns_per_op|b2_timers churn 10000"
	"B2a M=100k|ns_per_op|b2_timers churn 100000"
	"B2b M=100k|cpu_ns_per_timer|b2_timers fire 100000"
	"B2c fifo|ns_per_reset|b2_timers reset 10000 fifo $resets"
	"B2c random|ns_per_reset|b2_timers reset 10000 random $resets"
	"B3a pinned|us_per_roundtrip|b3_pingpong $b3r pinned"
	"B3a unpinned|us_per_roundtrip|b3_pingpong $b3r unpinned"
	"B3b flood|ns_per_post|b3_flood $fl unpinned 1"
	"B4 K=1|ns_per_callback|b4_tasks 1 $b4n"
	"B4 K=1000|ns_per_callback|b4_tasks 1000 $((b4n * 3))"
)
if [ $mode = full ]; then
	workloads+=(
	"B2a M=1M|ns_per_op|b2_timers churn 1000000"
	"B2b M=1M|cpu_ns_per_timer|b2_timers fire 1000000"
	"scale fds=200|ns_per_event|b1_pipe_chain 100 100 2"
	"scale fds=2000|ns_per_event|b1_pipe_chain 1000 100 2"
	"scale fds=8000|ns_per_event|b1_pipe_chain 4000 100 2"
	"scale fds=19000|ns_per_event|b1_pipe_chain 9500 100 2"
	"scale timers=1k|ns_per_op|b2_timers churn 1000"
	"scale timers=10k|ns_per_op|b2_timers churn 10000"
	"scale timers=100k|ns_per_op|b2_timers churn 100000"
	"scale timers=1M|ns_per_op|b2_timers churn 1000000"
	"scale threads=1|ns_per_post|b3_flood 0.3 unpinned 1"
	"scale threads=4|ns_per_post|b3_flood 0.3 unpinned 4"
	"scale threads=16|ns_per_post|b3_flood 0.3 unpinned 16"
	"scale threads=64|ns_per_post|b3_flood 0.3 unpinned 64"
	)
fi

# callgrind: name (a row above)|program and arguments (small sizes)
cg_workloads=(
	"B1 N=1000 A=1|b1_pipe_chain 1000 1 1"
	"B1 N=1000 A=100|b1_pipe_chain 1000 100 1"
	"B2a M=10k|b2_timers churn 10000 5"
	"B3a pinned|b3_pingpong 3000 pinned"
	"B4 K=1|b4_tasks 1 20000"
)
if [ $mode = full ]; then
	cg_workloads+=(
	"B2c fifo|b2_timers reset 10000 fifo 100000"
	"B2c random|b2_timers reset 10000 random 100000"
	"B4 K=1000|b4_tasks 1000 200000"
	)
fi

libs=(liana ivykis libevent libev libuv)
rm -rf "$out"
mkdir -p "$out/cg"
printf 'workload\tmetric\trep\tlib\tvalue\n' >"$runs"
printf 'workload\tlib\tir_per_event\n' >"$cgt"

# envof LIB: the environment settings (for env) a run of LIB needs
envof() {
	case $1 in
	liana) echo LD_LIBRARY_PATH="$build/src" BENCH_EXPECT_LIB=liana ;;
	ivykis) echo -u LD_LIBRARY_PATH BENCH_EXPECT_LIB=ivykis ;;
	floor) echo BENCH_EXPECT_LIB=none ;;
	*) echo BENCH_LIB="$1" ;;
	esac
}

# progof LIB PROGRAM: the executable (and its first argument, for peers)
progof() {
	case $1 in
	liana) echo "$build/bench/$2" ;;
	ivykis) echo "$build/bench-ivykis/$2" ;;
	floor) echo "$build/bench/b3_eventfd_floor" ;;
	*) echo "$peers/bench_$1" "$2" ;;
	esac
}

# ---- wall-clock runs ----
echo "run-all: $mode mode, $reps repetitions, ${#workloads[@]} workloads"
for w in "${workloads[@]}"; do
	IFS='|' read -r name key prog <<<"$w"
	set -- $prog
	l=("${libs[@]}")
	[ "$1" = b3_pingpong ] && l+=(floor)
	n=${#l[@]}
	for ((r = 0; r < reps; r++)); do
		for ((j = 0; j < n; j++)); do
			lib=${l[(r + j) % n]}
			line=$(timeout 120 env $(envof "$lib") \
				$(progof "$lib" "$1") "${@:2}" \
				2>>"$out/errors.log") ||
				{ echo "run-all: $lib $prog failed" >&2; line=; }
			v=$(sed -n "s/.* $key=\([^ ]*\).*/\1/p" <<<"$line")
			printf '%s\t%s\t%d\t%s\t%s\n' "$name" "$key" "$r" "$lib" \
				"${v:-nan}" >>"$runs"
		done
	done
	printf '.'
done
echo

# ---- callgrind ----
if [ $callgrind = 1 ]; then
	echo "run-all: callgrind (${#cg_workloads[@]} workloads x ${#libs[@]})"
	for w in "${cg_workloads[@]}"; do
		name=${w%%|*}
		set -- ${w#*|}
		tag=$(tr ' =' '__' <<<"$name")
		for lib in "${libs[@]}"; do
			f=$out/cg/$tag.$lib
			line=$(timeout 300 env $(envof "$lib") \
				valgrind --tool=callgrind \
				--collect-atstart=no \
				--toggle-collect='bench_region*' \
				--callgrind-out-file="$f.out" \
				$(progof "$lib" "$1") "${@:2}" 2>"$f.log") ||
				line=
			ev=$(sed -n 's/.* events=\([0-9]*\).*/\1/p' <<<"$line")
			ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$f.out" \
				2>/dev/null)
			awk -v n="$name" -v l="$lib" -v ir="${ir:-0}" \
				-v ev="${ev:-0}" 'BEGIN {
				printf "%s\t%s\t%s\n", n, l,
					(ev > 0 ? sprintf("%.0f", ir / ev) : "nan") }' \
				>>"$cgt"
			printf '.'
		done
	done
	echo
fi
fi	# report_only

# ---- statistics: results.tsv, results.md, the terminal table ----
rm -f "$out/chart.dat"
awk -F'\t' -v tsv="$out/results.tsv" -v md="$out/results.md" \
    -v chart="$out/chart.dat" '
function sort(a, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
}
function median(a, n) {
	if (n == 0)
		return "nan"
	sort(a, n)
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function g(x) {
	if (x == "nan" || x == "")
		return "-"
	if (x >= 100)
		return sprintf("%.0f", x)
	if (x >= 10)
		return sprintf("%.1f", x)
	return sprintf("%.3g", x)
}
FNR == 1 { file++; next }
file == 1 {
	ir[$1 SUBSEP $2] = $3
	if (!($1 in cgseen)) {
		cgseen[$1] = 1; cgorder[++ncg] = $1
	}
	next
}
{
	if (!($1 in seen)) {
		seen[$1] = 1; order[++nw] = $1; metric[$1] = $2
	}
	if ($5 == "nan")
		next
	val[$1, $3, $4] = $5
	reps[$1, $3] = 1
	if ($4 != "liana" && $4 != "floor" &&
	    (!(($1, $3) in best) || $5 + 0 < best[$1, $3]))
		best[$1, $3] = $5 + 0
	if (!(($1, $3) in nrepseen)) {
		nrepseen[$1, $3] = 1; nrep[$1]++; repid[$1, nrep[$1]] = $3
	}
}
END {
	nl = split("liana ivykis libevent libev libuv floor", L, " ")
	printf "workload\tmetric\tlib\tmedian\tmin\tmax\tratio_to_best_peer\t" \
		"ir_per_event\truns\n" >tsv
	printf "| workload (metric) | Liana | ivykis | libevent | libev | " \
		"libuv | best peer (median) | Ir/event: Liana (lowest peer) |\n" >md
	printf "|---|---|---|---|---|---|---|---|\n" >md
	fmt = "%-17s %-9s %10s %10s %10s %7s %9s\n"
	printf fmt, "workload", "library", "median", "min", "max", "ratio",
		"Ir/event"
	for (w = 1; w <= nw; w++) {
		name = order[w]
		row = "| " name " (" metric[name] ") |"
		bestlib = ""; bestmed = -1; bestir = ""; lir = ""
		printf "\n"
		for (k = 1; k <= nl; k++) {
			lib = L[k]; n = 0; nr = 0
			delete v; delete rt
			for (r = 1; r <= nrep[name]; r++) {
				id = repid[name, r]
				if (!((name, id, lib) in val))
					continue
				v[++n] = val[name, id, lib] + 0
				if ((name, id) in best && best[name, id] > 0)
					rt[++nr] = v[n] / best[name, id]
			}
			if (n == 0) {
				if (lib != "floor")
					row = row " - |"
				continue
			}
			med = median(v, n); lo = v[1]; hi = v[n]
			rat = median(rt, nr)
			c = (name SUBSEP lib) in ir ? ir[name, lib] : "nan"
			printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", name,
				metric[name], lib, med, lo, hi,
				rat == "nan" ? "nan" : sprintf("%.3f", rat), c,
				n >tsv
			printf fmt, name, lib, g(med), g(lo), g(hi),
				rat == "nan" ? "-" : sprintf("%.2f", rat), g(c)
			if (lib == "floor") {
				floorv = g(med)
				continue
			}
			cell = g(med) " (" sprintf("%.2f", rat) ")"
			if (lib == "liana") {
				cell = "**" cell "**"
				lratio = rat; lir = c
				print name "\t" rat >chart
			} else {
				if (bestmed < 0 || med < bestmed) {
					bestmed = med; bestlib = lib
				}
				if (c != "nan" && (bestir == "" || c + 0 < bestir))
					bestir = c + 0
			}
			row = row " " cell " |"
		}
		row = row " " bestlib (floorv != "" ? \
			"; eventfd floor " floorv : "") " |"
		floorv = ""
		if (lir != "nan" && lir != "")
			row = row " " lir " (" bestir ") |"
		else
			row = row " |"
		print row >md
		lir = ""
	}
	if (ncg == 0)
		exit
	printf "\n| callgrind Ir/event | Liana | ivykis | libevent | libev " \
		"| libuv |\n|---|---|---|---|---|---|\n" >md
	for (w = 1; w <= ncg; w++) {
		row = "| " cgorder[w] " |"
		for (k = 1; k <= 5; k++)
			row = row " " ir[cgorder[w], L[k]] " |"
		print row >md
	}
}' "$cgt" "$runs"

# ---- chart ----
if command -v gnuplot >/dev/null && [ -s "$out/chart.dat" ]; then
	gnuplot <<EOF 2>>"$out/errors.log" || echo "run-all: gnuplot failed" >&2
set terminal pngcairo size 1100,520 noenhanced
set output "$out/ratios.png"
set datafile separator "\t"
set title "Liana's time / best peer's time in the same repetition" . \
	" (median; below 1 = Liana faster)"
set style fill solid 0.7
set boxwidth 0.7
set yrange [0:*]
set xtics rotate by -45 font ",9"
set grid ytics
set rmargin 8
set bmargin 9
unset key
plot "$out/chart.dat" using 0:2:xtic(1) with boxes lc rgb "#3060a0", \
     1 with lines lc rgb "#c02020" lw 2
EOF
else
	echo "run-all: no gnuplot, no chart"
fi

echo
echo "run-all: $(($(date +%s) - start)) s; results in $out" \
	"(results.tsv, results.md, runs.tsv, callgrind.tsv, ratios.png)"
