#!/usr/bin/env python3
"""Where the machine's CPU goes over an interval, by process and by thread (issue #20's profiles).

    python3 bench/cpu-by-thread.py [SECONDS] [TOP_THREADS]

Reads utime + stime of every thread in /proc twice, SECONDS apart (default 15), and prints each
process's share of one core, then the TOP_THREADS (default 25) busiest threads with their process.
JVM threads are named (C2 CompilerThre, G1 Young RemSet, http-nio-8180-exec-3, ...), so the JIT
compilers, the collector and the request threads show apart; a Java process is named by its main
class or jar. What JFR's execution samples miss (compiler and collector threads, native code, other
processes such as PostgreSQL and Kafka) shows here.
"""
import collections
import os
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def process_name(pid):
    try:
        args = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
    except OSError:
        return "?"
    args = [a.decode(errors="replace") for a in args if a]
    if not args:
        return open(f"/proc/{pid}/comm").read().strip()
    if os.path.basename(args[0]) == "java":
        for i, a in enumerate(args):
            if a == "-jar" and i + 1 < len(args):
                return "java " + "/".join(args[i + 1].split("/")[-4:-2])
        main = [a for a in args[1:] if not a.startswith("-") and "." in a and "/" not in a]
        return "java " + (main[-1] if main else args[-1])
    return os.path.basename(args[0])


def snapshot():
    threads = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                stat = open(f"/proc/{pid}/task/{tid}/stat").read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            threads[(pid, tid)] = (name, int(fields[11]) + int(fields[12]))
    return threads


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 15
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    before = snapshot()
    time.sleep(seconds)
    after = snapshot()
    names = {}
    by_process, by_thread = collections.Counter(), collections.Counter()
    for key, (thread, ticks) in after.items():
        if key not in before:
            continue  # started during the interval: its whole life is not this interval's
        used = ticks - before[key][1]
        if used <= 0:
            continue
        pid = key[0]
        if pid not in names:
            names[pid] = f"{process_name(pid)} [{pid}]"
        by_process[names[pid]] += used
        by_thread[(names[pid], thread)] += used
    scale = 100.0 / (TICKS * seconds)
    print(f"CPU over {seconds:g} s, % of one core ({os.cpu_count()} cores = {100 * os.cpu_count()} %)")
    print("| process | % |\n| --- | ---: |")
    for name, ticks in by_process.most_common():
        if ticks * scale >= 0.5:
            print(f"| {name} | {ticks * scale:.1f} |")
    print(f"| all | {sum(by_process.values()) * scale:.1f} |")
    print("\n| process | thread | % |\n| --- | --- | ---: |")
    for (name, thread), ticks in by_thread.most_common(top):
        print(f"| {name} | {thread} | {ticks * scale:.1f} |")


if __name__ == "__main__":
    main()
