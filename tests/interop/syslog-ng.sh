#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Runs Debian's unmodified syslog-ng on a given libivykis.so.0 under load.
#
# Usage: syslog-ng.sh LIBDIR    run on LIBDIR/libivykis.so.0 (LD_LIBRARY_PATH)
#        syslog-ng.sh stock     run on the system's libivykis.so.0
#
# syslog-ng runs in the foreground with its configuration, persist file,
# pid file and control socket in a fresh temporary folder, listening on
# 127.0.0.1 only (TCP and UDP on free ports), on unix-stream and
# unix-dgram sockets in that folder, on a followed file and on a folder
# watched with inotify; each source goes to its own file.  loggen drives
# TCP, UDP, unix-stream and unix-dgram; the reliable transports must lose
# nothing, also across a SIGHUP reload in the middle of a stream.  The
# statistics are read through the control socket, and SIGTERM must end
# the daemon with status 0.  /proc/PID/maps must show the library asked
# for.  Prints "RATE <transport> <messages/s>" and "CPU <transport>
# <syslog-ng CPU microseconds per message>" lines, then PASS or FAIL.
# Environment: INTEROP_MESSAGES (default 100000) messages per transport;
# INTEROP_KEEP=1 keeps the temporary folder; INTEROP_PRELOAD is put in
# syslog-ng's LD_PRELOAD (e.g. libasan.so.8 for a sanitizer build of the
# library); IV_EXCLUDE_POLL_METHOD passes through to the library.
# Exit status: 0 passed, 1 failed, 77 skipped (syslog-ng not installable).
set -u

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ]; then
	echo "usage: $0 LIBDIR|stock" >&2
	exit 2
fi

sh "$here/ensure-syslog-ng.sh"
rc=$?
[ "$rc" = 0 ] || exit "$rc"

n=${INTEROP_MESSAGES:-100000}
sng=/usr/sbin/syslog-ng
ctl=/usr/sbin/syslog-ng-ctl
loggen=$(command -v loggen || echo /usr/bin/loggen)
drive="python3 $here/drive.py"

if [ "$1" = stock ]; then
	sys=$(ldconfig -p | awk '$1 == "libivykis.so.0" { print $NF; exit }')
	if [ -z "$sys" ]; then
		echo "SKIP: no system libivykis.so.0"
		exit 77
	fi
	want=$(dirname "$(realpath "$sys")")
	launch=(env -u LD_LIBRARY_PATH)
	label="stock ivykis"
else
	libdir=$(realpath "$1")
	if [ ! -e "$libdir/libivykis.so.0" ]; then
		echo "FAIL: $libdir/libivykis.so.0 does not exist"
		exit 1
	fi
	want=$libdir
	launch=(env LD_LIBRARY_PATH="$libdir")
	label="$libdir"
fi

if [ -n "${INTEROP_PRELOAD:-}" ]; then
	launch+=(LD_PRELOAD="$INTEROP_PRELOAD")
fi

tmp=$(mktemp -d /tmp/liana-syslog-ng.XXXXXX)
pid=
drive_pid=

cleanup() {
	if [ -n "$drive_pid" ]; then
		kill -TERM "$drive_pid" 2>/dev/null
		wait "$drive_pid" 2>/dev/null
	fi
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null
		for _ in $(seq 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	if [ "${INTEROP_KEEP:-0}" = 1 ]; then
		echo "kept $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

fail() {
	echo "FAIL: $*"
	if [ -f "$tmp/syslog-ng.log" ]; then
		echo "--- last lines of syslog-ng's own log:"
		tail -n 20 "$tmp/syslog-ng.log"
	fi
	exit 1
}

# Waits up to $1 seconds for the command that follows to succeed.
wait_for() {
	local limit=$1
	shift
	local end=$((SECONDS + limit))
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.05
	done
}

lines() {
	if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi
}

alive() {
	kill -0 "$pid" 2>/dev/null
}

read -r tcp_port udp_port < <($drive ports)
[ -n "$udp_port" ] || fail "could not pick free ports"

mkdir "$tmp/wild"
for i in $(seq 1 100); do echo "followed line $i before start"; done \
	>"$tmp/followed.log"

cat >"$tmp/syslog-ng.conf" <<EOF
@version: 3.38
options {
	stats-level(1);
	keep-hostname(yes);
	use-dns(no);
	log-fifo-size(200000);
	flush-lines(100);
};
source s_tcp { network(ip("127.0.0.1") port($tcp_port) transport("tcp")
	log-iw-size(20000) max-connections(10)); };
source s_udp { network(ip("127.0.0.1") port($udp_port) transport("udp")
	so-rcvbuf(4194304)); };
source s_ustream { unix-stream("$tmp/stream.sock"
	log-iw-size(20000) max-connections(10)); };
source s_udgram { unix-dgram("$tmp/dgram.sock" so-rcvbuf(4194304)); };
source s_file { file("$tmp/followed.log" follow-freq(1)); };
source s_wild { wildcard-file(base-dir("$tmp/wild")
	filename-pattern("*.log") monitor-method("inotify")
	follow-freq(1)); };
destination d_tcp { file("$tmp/out-tcp.log"); };
destination d_udp { file("$tmp/out-udp.log"); };
destination d_ustream { file("$tmp/out-unix-stream.log"); };
destination d_udgram { file("$tmp/out-unix-dgram.log"); };
destination d_file { file("$tmp/out-file.log"); };
destination d_wild { file("$tmp/out-wild.log"); };
log { source(s_tcp); destination(d_tcp); flags(flow-control); };
log { source(s_udp); destination(d_udp); };
log { source(s_ustream); destination(d_ustream); flags(flow-control); };
log { source(s_udgram); destination(d_udgram); };
log { source(s_file); destination(d_file); flags(flow-control); };
log { source(s_wild); destination(d_wild); flags(flow-control); };
EOF

echo "syslog-ng on $label; $n messages per transport; folder $tmp"
"${launch[@]}" "$sng" -F -e --no-caps -f "$tmp/syslog-ng.conf" \
	-R "$tmp/syslog-ng.persist" -p "$tmp/syslog-ng.pid" \
	-c "$tmp/syslog-ng.ctl" >"$tmp/syslog-ng.log" 2>&1 &
pid=$!

started() {
	alive || fail "syslog-ng exited during start-up"
	grep -q "syslog-ng starting up" "$tmp/syslog-ng.log" &&
		[ -S "$tmp/syslog-ng.ctl" ] && [ -S "$tmp/stream.sock" ]
}
wait_for 20 started || fail "syslog-ng did not start within 20s"
[ "$(cat "$tmp/syslog-ng.pid" 2>/dev/null)" = "$pid" ] ||
	fail "pid file does not hold $pid"

# Which libivykis did the dynamic linker map into the daemon?
maps=$(awk '/libivykis/ { print $NF }' "/proc/$pid/maps" | sort -u)
[ -n "$maps" ] || fail "no libivykis in /proc/$pid/maps"
[ "$(echo "$maps" | wc -l)" = 1 ] || fail "several libivykis mapped: $maps"
got=$(dirname "$(realpath "$maps")")
[ "$got" = "$want" ] || fail "mapped $maps, expected one from $want"
echo "ok: /proc/$pid/maps shows $maps"

hz=$(getconf CLK_TCK)
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$pid/stat"
}

# One timed loggen run; sets $rate, $cpu_us and $got_lines.
run_load() {
	local name=$1 out=$2 expect=$3
	shift 3
	local res cpu0 cpu1 st
	cpu0=$(cpu_ticks)
	# In the background, so that a trapped signal ends the wait at once.
	$drive load --out "$out" --expect "$expect" --timeout 60 \
		--log "$tmp/loggen-$name.log" "${extra[@]}" -- \
		"$loggen" -r 10000000 -I 120 -n "$n" "$@" >"$tmp/drive.out" &
	drive_pid=$!
	wait "$drive_pid"
	st=$?
	drive_pid=
	res=$(cat "$tmp/drive.out")
	cpu1=$(cpu_ticks)
	# syslog-ng's CPU time (all threads) per message, in microseconds.
	cpu_us=$(awk -v t=$((cpu1 - cpu0)) -v hz="$hz" -v n="${res#lines=}" \
		'BEGIN { n += 0; if (n > 0) printf "%.2f", t * 1e6 / hz / n }')
	echo "$name: $res cpu_us_per_msg=$cpu_us"
	alive || fail "syslog-ng died during the $name run"
	[ "$st" = 0 ] || fail "$name: expected $expect lines: $res"
	case "$res" in *" loggen=0 "*) ;; *) fail "$name: loggen failed";; esac
	got_lines=${res#lines=}
	got_lines=${got_lines%% *}
	rate=${res#*rate=}
	rate=${rate%% *}
}

# Every loggen sequence number 0..n-1 once in the last n lines of $1.
check_seq() {
	local uniq
	uniq=$(tail -n "$n" "$1" | grep -o 'seq: [0-9]*' | sort -u | wc -l)
	[ "$uniq" = "$n" ] ||
		fail "$1: $uniq distinct sequence numbers, expected $n"
}

extra=()
run_load tcp "$tmp/out-tcp.log" "$n" -i -S 127.0.0.1 "$tcp_port"
rate_tcp=$rate
cpu_tcp=$cpu_us
check_seq "$tmp/out-tcp.log"
run_load unix-stream "$tmp/out-unix-stream.log" "$n" -x -S "$tmp/stream.sock"
rate_ustream=$rate
cpu_ustream=$cpu_us
check_seq "$tmp/out-unix-stream.log"
run_load udp "$tmp/out-udp.log" 0 -i -D 127.0.0.1 "$udp_port"
rate_udp=$rate
cpu_udp=$cpu_us
[ "$got_lines" -gt 0 ] || fail "udp: nothing arrived"
udp_lines=$got_lines
run_load unix-dgram "$tmp/out-unix-dgram.log" 0 -x -D "$tmp/dgram.sock"
rate_udgram=$rate
cpu_udgram=$cpu_us
[ "$got_lines" -gt 0 ] || fail "unix-dgram: nothing arrived"
udgram_lines=$got_lines

# A reload in the middle of a TCP stream: the connection survives and
# flow control keeps every message.
extra=(--hup "$pid")
run_load tcp-reload "$tmp/out-tcp.log" "$n" -i -S 127.0.0.1 "$tcp_port"
extra=()
check_seq "$tmp/out-tcp.log"
reloaded() { grep -q "Configuration reload finished" "$tmp/syslog-ng.log"; }
wait_for 20 reloaded || fail "no 'Configuration reload finished' in the log"
echo "ok: SIGHUP reload in mid-stream lost nothing"

# The followed file: lines written before the start and after the reload.
for i in $(seq 1 100); do echo "followed line $i after reload"; done \
	>>"$tmp/followed.log"
file_done() { [ "$(lines "$tmp/out-file.log")" -ge 200 ]; }
wait_for 20 file_done ||
	fail "followed file: $(lines "$tmp/out-file.log") of 200 lines"
# A new file in the folder watched with inotify.
for i in $(seq 1 50); do echo "wildcard line $i"; done >"$tmp/wild/new.log"
wild_done() { [ "$(lines "$tmp/out-wild.log")" -ge 50 ]; }
wait_for 20 wild_done ||
	fail "inotify folder: $(lines "$tmp/out-wild.log") of 50 lines"
[ "$(lines "$tmp/out-file.log")" = 200 ] || fail "followed file duplicated"
[ "$(lines "$tmp/out-wild.log")" = 50 ] || fail "inotify folder duplicated"
echo "ok: followed file and inotify folder delivered"

# Statistics through the control socket.
timeout 20 "$ctl" stats -c "$tmp/syslog-ng.ctl" >"$tmp/stats.txt" 2>&1 ||
	fail "syslog-ng-ctl stats failed: $(head -3 "$tmp/stats.txt")"
stat() {
	awk -F';' -v s="$1" -v id="$2" -v t="$3" \
		'$1 == s && index($2, id) == 1 && $5 == t { print $6; exit }' \
		"$tmp/stats.txt"
}
want_stat() {
	local v
	v=$(stat "$1" "$2" "$3")
	[ "$v" = "$4" ] || fail "stats $1;$2;$3 is '$v', expected $4"
}
want_stat dst.file "d_tcp#0" written $((2 * n))
want_stat dst.file "d_tcp#0" dropped 0
want_stat dst.file "d_ustream#0" written "$n"
want_stat dst.file "d_ustream#0" dropped 0
want_stat dst.file "d_udp#0" written "$udp_lines"
want_stat dst.file "d_udgram#0" written "$udgram_lines"
want_stat dst.file "d_file#0" written 200
want_stat source s_tcp processed $((2 * n))
echo "ok: syslog-ng-ctl stats agree ($(wc -l <"$tmp/stats.txt") lines)"

# SIGTERM: a clean exit with status 0.
kill -TERM "$pid"
gone() { ! alive; }
wait_for 30 gone || fail "syslog-ng still running 30s after SIGTERM"
wait "$pid"
st=$?
pid=
[ "$st" = 0 ] || fail "syslog-ng exited with status $st after SIGTERM"
grep -q "syslog-ng shutting down" "$tmp/syslog-ng.log" ||
	fail "no 'shutting down' message"
complaint="iv_[a-z_]*:|ivykis|assert|fatal|sanitizer|runtime error"
if grep -q -i -E "$complaint" "$tmp/syslog-ng.log"; then
	fail "library complaint in the log: $(grep -i -E "$complaint" \
		"$tmp/syslog-ng.log" | head -3)"
fi
echo "ok: SIGTERM, exit status 0"

echo "RATE tcp $rate_tcp"
echo "RATE udp $rate_udp"
echo "RATE unix-stream $rate_ustream"
echo "RATE unix-dgram $rate_udgram"
echo "CPU tcp $cpu_tcp"
echo "CPU udp $cpu_udp"
echo "CPU unix-stream $cpu_ustream"
echo "CPU unix-dgram $cpu_udgram"
echo "PASS: syslog-ng on $label"
exit 0
