#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Every symbol, with its version node, that syslog-ng's programs and plugins
# import from libivykis is exported by Liana's libivykis.so.0.
# Usage: abi-imports.sh LIBDIR
# Exit status: 0 passed, 1 failed, 77 skipped (syslog-ng not installable).
set -u

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ]; then
	echo "usage: $0 LIBDIR" >&2
	exit 2
fi
lib=$1/libivykis.so.0
if [ ! -e "$lib" ]; then
	echo "FAIL: $lib does not exist"
	exit 1
fi
sh "$here/ensure-syslog-ng.sh"
rc=$?
[ "$rc" = 0 ] || exit "$rc"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Every ELF file shipped by the installed syslog-ng packages.
pkgs=$(dpkg-query -W -f='${Package} ${Status}\n' 'syslog-ng*' 2>/dev/null |
	awk '$NF == "installed" { print $1 }')
for p in $pkgs; do
	dpkg -L "$p"
done | sort -u | while read -r f; do
	[ -f "$f" ] && [ ! -L "$f" ] || continue
	head -c 4 "$f" 2>/dev/null | grep -q 'ELF' || continue
	echo "$f"
done >"$tmp/files"
nfiles=$(wc -l <"$tmp/files")
[ "$nfiles" -gt 0 ] || { echo "FAIL: no syslog-ng ELF files found"; exit 1; }

# symbol@NODE imported from a libivykis version node, per file.
while read -r f; do
	nm -D --undefined-only --with-symbol-versions "$f" 2>/dev/null |
		awk -v f="$f" '$2 ~ /@IVYKIS_/ { print $2, f }'
	# A symbol an importer defines itself under an ivykis node is a
	# copy relocation of library data: its size is then ABI too.
	nm -D --defined-only --with-symbol-versions -S "$f" 2>/dev/null |
		awk -v f="$f" '$NF ~ /@IVYKIS_/ { print "COPY", $NF, $2, f }'
done <"$tmp/files" >"$tmp/imports"

grep -v '^COPY' "$tmp/imports" | awk '{ print $1 }' | sort -u >"$tmp/want"
nm -D --defined-only --with-symbol-versions "$lib" |
	awk '{ print $NF }' | sed 's/@@/@/' | sort -u >"$tmp/have"

missing=$(comm -23 "$tmp/want" "$tmp/have")
if [ -n "$missing" ]; then
	fail=1
	for s in $missing; do
		echo "FAIL: $s is not exported by $lib; imported by:"
		awk -v s="$s" '$1 == s { print "    " $2 }' "$tmp/imports"
	done
fi

grep '^COPY' "$tmp/imports" | while read -r _ s size f; do
	name=${s%%@*}
	ours=$(nm -D --defined-only -S "$lib" |
		awk -v n="$name" '$NF ~ "^" n "(@|$)" { print $2; exit }')
	if [ "$ours" != "$size" ]; then
		echo "FAIL: $f copies $s with size $size, Liana's is '$ours'"
		exit 1
	fi
done || fail=1

nsyms=$(wc -l <"$tmp/want")
importers=$(awk '!/^COPY/ { print $2 }' "$tmp/imports" | sort -u)
if [ "$fail" = 0 ]; then
	echo "ok: all $nsyms versioned ivykis imports of $nfiles syslog-ng" \
		"ELF files are exported by $lib"
	echo "importers:" $importers
	exit 0
fi
exit 1
