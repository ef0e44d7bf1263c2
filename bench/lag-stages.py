#!/usr/bin/env python3
"""Splits each sampled award's projection lag in two (bench/projection-lag.sh with STAGES=yes).

    python3 bench/lag-stages.py SAMPLES RECORDS PHASE=LABEL...

SAMPLES: io.badges.tools.ProjectionLag's --samples file ("phase=<n>r <201 at, epoch ms> <query instance>
<assertion id> <lag ms>"); RECORDS: io.badges.tools.KafkaRecordTimes' file ("<key> <record timestamp,
epoch ms>"), whose key is the assertion's id. For every recorded phase named on the command line
(e.g. 3r="single awards, 500/s") it prints a Markdown row: lag p50 / p90 / p99, the command side's
part (201 received -> record created by the publisher's producer: the outbox read, the batch and the
broker round trip before it) and the rest (record -> first 200 from a query instance: Kafka, the
projection, the caches and one poll). Both clocks are this machine's, to the millisecond.
"""
import math
import sys


def pct(values, p):
    """Nearest rank, as io.badges.tools.Percentiles computes the RESULT lines' figures."""
    values = sorted(values)
    return values[max(0, min(len(values) - 1, math.ceil(len(values) * p) - 1))]


def main():
    samples, records, phases = sys.argv[1], sys.argv[2], sys.argv[3:]
    created = {}
    for line in open(records):
        key, timestamp = line.split()[:2]
        created.setdefault(key, int(timestamp))
    print("| phase | samples | lag p50 / p90 / p99 ms | 201 → Kafka record p50 / p90 / p99 ms | Kafka record → readable p50 / p90 / p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for phase in phases:
        name, label = phase.split("=", 1)
        rows = []
        for line in open(samples):
            fields = line.split()
            if fields[0] != "phase=" + name or fields[3] not in created:
                continue
            acked, lag = int(fields[1]), float(fields[4])
            publish = created[fields[3]] - acked
            rows.append((lag, publish, lag - publish))
        if not rows:
            continue
        cells = [" / ".join(f"{pct([r[i] for r in rows], p):.0f}" for p in (0.5, 0.9, 0.99)) for i in range(3)]
        print(f"| {label} | {len(rows)} | {cells[0]} | {cells[1]} | {cells[2]} |")


if __name__ == "__main__":
    main()
