#!/usr/bin/env python3
"""What each row of bench/projection-lag.sh cost the machine, per assertion (COST=yes).

    python3 bench/stack-cost.py snapshot FILE      # appends one line of counters
    python3 bench/stack-cost.py report FILE LABEL...  # a Markdown table, one row per interval

A snapshot holds: the CPU time (utime + stime, clock ticks) of every process whose pid file is in
.run/ (Kafka, the command service, each query service), PostgreSQL's (every postgres process plus what
the postmaster collected from backends that exited), the command database's assertion count and both
databases' committed transactions (pg_stat_database), the server's WAL bytes and full-page images
(pg_stat_wal) and its checkpoints begun (pg_stat_bgwriter, PostgreSQL 14-16). The report divides each
interval's deltas by the assertions awarded in it: CPU µs per assertion by process, commits, WAL bytes
and full-page images per assertion, and counts the checkpoints: after each one begins, the first change
to every page writes the whole page to the WAL. Taken
when each phase's RESULT line arrives, an interval is the pause before a phase, its unrecorded and its
recorded part.
"""
import glob
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
DB = os.environ.get("DB_NAME", "badges")
QUERY_DB = os.environ.get("QUERY_DB_NAME", "badges_query")


def stat(pid):
    """/proc/PID/stat's fields after the command name: [0] is field 3 (state), [1] the parent's pid,
    [11] and [12] utime and stime, [13] and [14] the children's (fields 14-17), in clock ticks."""
    return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()


def ticks(pid, children=False):
    try:
        fields = stat(pid)
    except OSError:
        return 0
    own = int(fields[11]) + int(fields[12])
    return own + (int(fields[13]) + int(fields[14]) if children else 0)


def postgres_ticks():
    total = 0
    for comm in glob.glob("/proc/[0-9]*/comm"):
        pid = comm.split("/")[2]
        try:
            name = open(comm).read().strip()
            parent = stat(pid)[1]
            parent_name = open(f"/proc/{parent}/comm").read().strip() if parent != "0" else ""
        except OSError:
            continue
        if name.startswith("postgres"):
            total += ticks(pid, children=parent_name != "postgres")  # the postmaster: exited backends too
    return total


def psql(db, sql):
    return int(subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-Atc", sql],
                              capture_output=True, text=True, check=True).stdout.strip())


def snapshot(path):
    values = {}
    for pidfile in sorted(glob.glob(".run/*.pid")):
        values[os.path.basename(pidfile)[:-4]] = ticks(open(pidfile).read().strip())
    values["postgresql"] = postgres_ticks()
    values["assertions"] = psql(DB, "SELECT count(*) FROM assertion")
    for name, db in (("commits", DB), ("query_commits", QUERY_DB)):
        values[name] = psql(db, f"SELECT xact_commit FROM pg_stat_database WHERE datname = '{db}'")
    values["wal_bytes"] = psql(DB, "SELECT wal_bytes FROM pg_stat_wal")
    values["wal_fpi"] = psql(DB, "SELECT wal_fpi FROM pg_stat_wal")
    values["checkpoints"] = psql(DB, "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter")
    with open(path, "a") as out:
        out.write(f"{time.time():.1f} " + " ".join(f"{k}={v}" for k, v in values.items()) + "\n")


def report(path, labels):
    rows = []
    for line in open(path):
        fields = line.split()
        rows.append((float(fields[0]), {k: int(v) for k, v in (f.split("=") for f in fields[1:])}))
    counters = ("assertions", "commits", "query_commits", "wal_bytes", "wal_fpi", "checkpoints")
    processes = [k for k in rows[0][1] if k not in counters]
    print("| row | assertions | " + " | ".join(f"{p} CPU µs" for p in processes)
          + " | all these, µs | command DB commits | read DB commits | WAL bytes | full-page images | checkpoints begun |")
    print("| --- | ---: |" + " ---: |" * (len(processes) + 6))
    for (_, before), (_, after), label in zip(rows, rows[1:], labels):
        n = after["assertions"] - before["assertions"]
        if n <= 0:
            continue
        per = {p: (after[p] - before[p]) * 1e6 / TICKS / n for p in processes}
        cells = " | ".join(f"{per[p]:.0f}" for p in processes)
        print(f"| {label} | {n} | {cells} | {sum(per.values()):.0f} | "
              f"{(after['commits'] - before['commits']) / n:.2f} | "
              f"{(after['query_commits'] - before['query_commits']) / n:.2f} | "
              f"{(after['wal_bytes'] - before['wal_bytes']) / n:.0f} | "
              f"{(after['wal_fpi'] - before['wal_fpi']) / n:.2f} | {after['checkpoints'] - before['checkpoints']} |")


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        snapshot(sys.argv[2])
    else:
        report(sys.argv[2], sys.argv[3:])
