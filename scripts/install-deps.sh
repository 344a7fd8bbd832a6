#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Installs, from Debian's archive, what the build, the tests and the CI run
# need beyond gcc, cmake and make.  Idempotent; quiet when all is there.
set -eu
pkgs="cmake gcc g++ make valgrind binutils pkg-config libivykis-dev"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
