# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The Liana authors.
# Helper for the interop scripts: free ports, and timed loggen runs.
"""Small helper used by tests/interop/syslog-ng.sh.

  drive.py ports
      Prints a free TCP port and a free UDP port on 127.0.0.1.

  drive.py load --out FILE [--expect N] [--timeout S] [--hup PID]
                [--log FILE] -- loggen ARGS...
      Runs loggen and follows FILE (a syslog-ng file destination),
      counting the lines appended since the start.  With --expect N it
      waits for exactly N new lines (a reliable transport); without it,
      it waits until loggen has exited and FILE has stopped growing (a
      lossy transport).  With --hup PID it sends SIGHUP to PID once half
      of the expected lines have arrived.  Prints one line:
          lines=<n> seconds=<t> rate=<n/t> loggen=<status> hup=<0|1>
      where t runs from starting loggen to the last line seen.  Exits 1
      when the wait timed out or more lines than expected arrived.
"""

import os
import signal
import socket
import subprocess
import sys
import time


def free_port(kind):
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def count_file(path, state):
    """Adds the newlines appended to path since the last call."""
    try:
        with open(path, "rb") as f:
            f.seek(state["pos"])
            data = f.read()
    except FileNotFoundError:
        return
    state["pos"] += len(data)
    state["lines"] += data.count(b"\n")


def load(argv):
    opts = {"--out": None, "--expect": "0", "--timeout": "30",
        "--hup": None, "--log": os.devnull}
    i = 0
    while i < len(argv) and argv[i] != "--":
        opts[argv[i]] = argv[i + 1]
        i += 2
    cmd = argv[i + 1:]
    out = opts["--out"]
    expect = int(opts["--expect"])
    deadline_s = float(opts["--timeout"])
    hup_pid = int(opts["--hup"]) if opts["--hup"] else None

    state = {"pos": 0, "lines": 0}
    try:
        state["pos"] = os.path.getsize(out)
    except FileNotFoundError:
        pass

    log = open(opts["--log"], "ab")
    start = time.monotonic()
    deadline = start + deadline_s
    child = subprocess.Popen(cmd, stdout=log, stderr=log)
    try:
        return follow(child, out, expect, deadline, start, hup_pid, state,
                      log)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def follow(child, out, expect, deadline, start, hup_pid, state, log):
    last_seen = start
    hupped = False
    status = None
    ok = True
    while True:
        now = time.monotonic()
        before = state["lines"]
        count_file(out, state)
        if state["lines"] != before:
            last_seen = now
        if status is None:
            status = child.poll()
        if hup_pid and not hupped and state["lines"] * 2 >= expect:
            os.kill(hup_pid, signal.SIGHUP)
            hupped = True
        if expect and state["lines"] >= expect:
            break
        if not expect and status is not None and now - last_seen > 0.5:
            break
        if now > deadline:
            ok = False
            break
        time.sleep(0.005)

    if status is None:
        try:
            status = child.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            status = child.wait()
            ok = False
    log.close()
    if expect and state["lines"] != expect:
        ok = False
    elapsed = max(last_seen - start, 1e-6)
    print("lines=%d seconds=%.3f rate=%.0f loggen=%d hup=%d" %
          (state["lines"], elapsed, state["lines"] / elapsed, status,
           int(hupped)))
    return 0 if ok else 1


def stop(signum, frame):
    raise SystemExit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    if len(sys.argv) >= 2 and sys.argv[1] == "ports":
        print(free_port(socket.SOCK_STREAM), free_port(socket.SOCK_DGRAM))
        return 0
    if len(sys.argv) >= 2 and sys.argv[1] == "load":
        return load(sys.argv[2:])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
