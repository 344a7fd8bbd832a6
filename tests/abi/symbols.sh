#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# The exported symbols of libivykis.so.0 and their version nodes match the
# version script (and so ivykis 0.42 / 0.43), and, where Debian's
# libivykis0 is installed, cover everything that library exports.
# Usage: symbols.sh LIBRARY VERSION_SCRIPT PENDING_LIST
set -eu
lib=$1 ver=$2 pending=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Expected symbol@node pairs from the version script.
awk '
	/^[A-Za-z0-9_.]+ *\{/ { node = $1; next }
	/^}/ { node = ""; next }
	/global:|local:|^[ \t]*\*;/ { next }
	node != "" && /[A-Za-z_]/ { gsub(/[;\t ]/, ""); print $0 "@" node }
' "$ver" | sort >"$tmp/want"

nm -D --defined-only --with-symbol-versions "$lib" |
	awk '$2 ~ /^[TDBRW]$/ { print $3 }' | sed 's/@@*/@/' | sort >"$tmp/have"

# Names given as globs (a module's prefix*) match any symbol of the node.
grep '\*' "$tmp/want" >"$tmp/globs" || true
grep -v '\*' "$tmp/want" >"$tmp/want.exact" || true
mv "$tmp/want.exact" "$tmp/want"

# Every exported symbol must be one the version script names.
extra=""
for s in $(comm -13 "$tmp/want" "$tmp/have"); do
	ok=0
	while read -r g; do
		case $s in
		${g%@*}@${g#*@}) ok=1; break ;;
		esac
	done <"$tmp/globs"
	[ $ok = 1 ] || extra="$extra $s"
done
if [ -n "$extra" ]; then
	echo "exported but not in the version script: $extra"
	fail=1
fi

# Every symbol the script names must be exported, unless its module is
# still listed as pending (see the file for why).
grep -v '^#' "$pending" | sed '/^$/d' | sort >"$tmp/pending"
missing=$(comm -23 "$tmp/want" "$tmp/have" | sed 's/@.*//' |
	  sort | comm -23 - "$tmp/pending")
if [ -n "$missing" ]; then
	echo "in the version script but not exported: $missing"
	fail=1
fi
stale=$(comm -12 "$tmp/pending" "$(printf '%s' "$tmp/have")" 2>/dev/null || true)
for s in $(cat "$tmp/pending"); do
	if grep -q "^$s@" "$tmp/have"; then
		echo "listed as pending but exported (remove it from $pending): $s"
		fail=1
	fi
done

# Debian's ivykis, where installed: we must export all it exports.
deb=/usr/lib/x86_64-linux-gnu/libivykis.so.0
if [ -e "$deb" ] && [ "$(readlink -f "$deb")" != "$(readlink -f "$lib")" ]; then
	nm -D --defined-only --with-symbol-versions "$deb" |
		awk '$2 ~ /^[TDBRW]$/ { print $3 }' | sed 's/@@*/@/' |
		sort >"$tmp/debian"
	lost=$(comm -23 "$tmp/debian" "$tmp/have" | sed 's/@.*//' |
	       sort | comm -23 - "$tmp/pending")
	if [ -n "$lost" ]; then
		echo "exported by Debian's libivykis but not by us: $lost"
		fail=1
	fi
	echo "compared with $(readlink -f "$deb"): $(wc -l <"$tmp/debian") symbols"
else
	echo "Debian's libivykis0 is not installed: compared with the version script only"
fi

echo "$(wc -l <"$tmp/have") symbols exported, $(wc -l <"$tmp/pending") pending"
exit $fail
