#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Runs syslog-ng.sh on Liana and on stock ivykis, interleaved, and prints
# messages/s per transport for both and their ratio.
#
# Usage: compare.sh [LIBDIR [ROUNDS]]
#   LIBDIR  folder holding Liana's libivykis.so.0 (default: build/src)
#   ROUNDS  runs of each library (default 3), in the order L S, S L, L S...
# Each cell is the median over the rounds.  Exits non-zero when any run
# fails its checks; a ratio under 1.0 is reported, not failed, since two
# cores shared with loggen make single rates noisy.
set -u

here=$(cd "$(dirname "$0")" && pwd)
libdir=${1:-$here/../../build/src}
rounds=${2:-3}
libdir=$(realpath "$libdir")
res=$(mktemp -d /tmp/liana-compare.XXXXXX)
trap 'rm -rf "$res"' EXIT
trap 'exit 130' INT TERM HUP

run() {
	local who=$1 arg=$2 round=$3
	local log="$res/$who.$round.log"
	bash "$here/syslog-ng.sh" "$arg" >"$log" 2>&1
	local st=$?
	if [ "$st" != 0 ]; then
		echo "run $round on $who failed (status $st):"
		tail -n 25 "$log"
		exit 1
	fi
	awk -v w="$who" '$1 == "RATE" || $1 == "CPU" { print $1, w, $2, $3 }' \
		"$log" >>"$res/rates"
	printf '  round %d %-6s %s\n' "$round" "$who" \
		"$(awk '$1 == "RATE" { printf "%s=%s ", $2, $3 }' "$log")"
}

start=$SECONDS
echo "syslog-ng messages/s, Liana ($libdir) vs stock ivykis, $rounds rounds"
for r in $(seq 1 "$rounds"); do
	if [ $((r % 2)) = 1 ]; then
		run liana "$libdir" "$r"
		run stock stock "$r"
	else
		run stock stock "$r"
		run liana "$libdir" "$r"
	fi
done

echo
table() {
	awk -v kind="$1" '
	function median(key,   n, i, j, t, v) {
		n = cnt[key]
		for (i = 1; i <= n; i++) v[i] = val[key, i]
		for (i = 1; i <= n; i++)
			for (j = i + 1; j <= n; j++)
				if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
		if (n % 2) return v[(n + 1) / 2]
		return (v[n / 2] + v[n / 2 + 1]) / 2
	}
	$1 == kind {
		k = $2 SUBSEP $3
		val[k, ++cnt[k]] = $4
		if (!($3 in seen)) { seen[$3] = 1; order[++nt] = $3 }
	}
	END {
		if (kind == "RATE")
			printf "%-12s %12s %12s %7s\n", "transport",
				"liana msg/s", "stock msg/s", "ratio"
		else
			printf "%-12s %12s %12s %7s\n", "transport",
				"liana us/msg", "stock us/msg", "ratio"
		for (i = 1; i <= nt; i++) {
			t = order[i]
			l = median("liana" SUBSEP t)
			s = median("stock" SUBSEP t)
			# Both ratios read "above 1.0: Liana does better".
			if (kind == "RATE")
				r = s > 0 ? l / s : 0
			else
				r = l > 0 ? s / l : 0
			printf "%-12s %12.*f %12.*f %6.2fx%s\n", t,
				kind == "RATE" ? 0 : 2, l,
				kind == "RATE" ? 0 : 2, s, r,
				r < 1.0 ? "  (below 1.0x)" : ""
		}
	}
	' "$res/rates"
}
echo "messages/s (wall clock, from the first message sent to the last"
echo "line written; ratio = liana / stock):"
table RATE
echo
echo "syslog-ng CPU time per message, all threads (ratio = stock / liana):"
table CPU
echo
echo "($((SECONDS - start))s; medians of $rounds interleaved runs each)"
