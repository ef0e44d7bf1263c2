#!/usr/bin/env python3
"""The collectors' pauses in each row of bench/projection-lag.sh (GC=yes), by process.

    python3 bench/gc-pauses.py GC_DIR PHASE_ENDS LABEL...

GC_DIR holds one unified-logging file per JVM, gc-PID.log, written with -Xlog:gc:file=GC_DIR/gc-%p.log:utctime
(the script adds that option to Kafka and the services). PHASE_ENDS holds one Unix time per line: the
start, then the end of every phase (when its RESULT line arrived). The pid files in .run/ name the
processes. Prints a Markdown table: per phase and process the pauses (count, median, p99, max, their sum)
and the share of the phase's wall time spent paused. A pause stops every thread of its JVM, whatever
was in flight there (an award's request, the publisher, the projection) waits for it.
"""
import datetime
import glob
import os
import re
import sys

LINE = re.compile(r"^\[(\d{4}-\d\d-\d\dT[\d:.]+)([+-]\d{4})\].* Pause .* ([\d.]+)ms$")


def names():
    by_pid = {}
    for pid_file in glob.glob(".run/*.pid"):
        name = os.path.basename(pid_file)[:-4]
        try:
            by_pid[open(pid_file).read().strip()] = name
        except OSError:
            pass
    return by_pid


def pauses(path):
    """(Unix time, ms) of every pause the file logs."""
    found = []
    for line in open(path, errors="replace"):
        m = LINE.match(line.rstrip())
        if m:
            at = datetime.datetime.strptime(m.group(1) + m.group(2), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
            found.append((at, float(m.group(3))))
    return found


def nearest_rank(sorted_values, p):
    return sorted_values[max(0, -(-len(sorted_values) * p // 100) - 1)]


def main():
    gc_dir, phase_ends, labels = sys.argv[1], sys.argv[2], sys.argv[3:]
    ends = [float(x) for x in open(phase_ends).read().split()]
    by_pid = names()
    logs = {}
    for path in sorted(glob.glob(os.path.join(gc_dir, "gc-*.log"))):
        pid = re.search(r"gc-(\d+)\.log$", path).group(1)
        if pid in by_pid:
            logs[by_pid[pid]] = pauses(path)
    print("| phase | process | pauses | median / p99 / max ms | sum ms | share of the phase paused |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for i, label in enumerate(labels):
        if i + 1 >= len(ends):
            break
        start, end = ends[i], ends[i + 1]
        for name in sorted(logs):
            ms = sorted(d for at, d in logs[name] if start <= at < end)
            if not ms:
                print(f"| {label} | {name} | 0 | | 0 | 0 % |")
                continue
            total = sum(ms)
            print(f"| {label} | {name} | {len(ms)} | {nearest_rank(ms, 50):.1f} / {nearest_rank(ms, 99):.1f} / "
                  f"{ms[-1]:.1f} | {total:.0f} | {100 * total / 1000 / (end - start):.2f} % |")


if __name__ == "__main__":
    main()
