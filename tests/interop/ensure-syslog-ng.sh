#!/bin/sh
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Makes sure Debian's syslog-ng-core (and python3) are installed, without
# starting any service; exits 77 (skipped) where that cannot be done.
# Usage: ensure-syslog-ng.sh
set -u

have() {
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q "ok installed" || return 1
	done
	command -v python3 >/dev/null 2>&1 || return 1
	return 0
}

have syslog-ng-core && exit 0

if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
	echo "SKIP: syslog-ng-core is not installed and apt-get cannot run here"
	exit 77
fi

# The test programs may run in parallel: install under one lock.
exec 9>/tmp/liana-interop-apt.lock
if ! flock -w 300 9; then
	echo "SKIP: timed out waiting for the install lock"
	exit 77
fi
have syslog-ng-core && exit 0

# Keep the maintainer scripts from starting the system's syslog-ng: a
# policy-rc.d that refuses every action, removed again afterwards unless
# one was already there.
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" &&
		made_policy=1
fi

pkgs="syslog-ng-core"
command -v python3 >/dev/null 2>&1 || pkgs="$pkgs python3"
echo "installing from Debian's archive: $pkgs"
inst() {
	DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq \
		--no-install-recommends -o DPkg::Lock::Timeout=120 $pkgs \
		>/tmp/liana-interop-apt.log 2>&1
}
if ! inst; then
	timeout 300 apt-get update -qq >/dev/null 2>&1
	inst
fi
rc=$?
[ "$made_policy" = 1 ] && rm -f "$policy"
if [ "$rc" != 0 ] || ! have syslog-ng-core; then
	tail -5 /tmp/liana-interop-apt.log
	echo "SKIP: could not install $pkgs"
	exit 77
fi
exit 0
