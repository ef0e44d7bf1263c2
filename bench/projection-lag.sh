#!/usr/bin/env bash
# Projection lag at a fixed write rate in distributed mode (issues #8, #20): how long after an award's
# 201 does the read API answer it? scripts/distributed-up.sh starts Kafka, the command service and two
# query services on this machine's PostgreSQL and Redis (fresh databases, Kafka log and Redis database:
# this script resets the local distributed set-up under .run/); io.badges.tools.ProjectionLag then
# sends awards at a fixed rate (open model, WARMUP s unrecorded and DURATION s recorded) and polls every
# 50th on the query instances until it answers 200 (backing off to 10 % of the time waited). One run per RUNS entry rate:batch, on the same stack:
# batch 1 = single awards, n = that assertion rate in bulk requests of n recipients. The default is
# the two goals of issue #20: 1,000 assertions/s in bulks of 10, and 500 single awards/s.
# Before them, PRIME (rate:batch:seconds entries, "200:10:60 1000:10:60 500:1:90"; "" for none) awards at
# rising rates, then single awards (their own code paths), unrecorded, each followed by 10 s to drain: five JVMs that start together on two cores
# compile for minutes, and a cold stack driven at the goal rate at once falls seconds behind and stays
# there (docs/benchmarks.md, "Projection lag"); the rows measure the steady state the goals are about.
# STAGES=yes also splits each row's lag in two: the command side's part (201 -> the publisher's Kafka
# record) and the rest (record -> readable), from the samples and the topic's record timestamps
# (io.badges.tools.KafkaRecordTimes, bench/lag-stages.py), appended to the output.
# COST=yes also reports each phase's cost per assertion: CPU µs by process (Kafka, the services,
# PostgreSQL), commits per assertion in both databases, WAL bytes and full-page images per assertion and
# the checkpoints begun in each phase (bench/stack-cost.py), appended to the output.
# GC=yes also logs every collector pause of Kafka and the services and reports them by row and process
# (bench/gc-pauses.py), appended to the output.
# Settings (env): RUNS ("1000:10 500:1"), DURATION (30), WARMUP (60), PRIME, STAGES, COST, GC, SKIP_BUILD, plus
# distributed-up.sh's (ports, DB_NAME/QUERY_DB_NAME, BADGES_REDIS_URL: the script empties that Redis
# database, so give it one of its own when the machine's Redis holds anything else).
# Output: bench/results/projection-lag.md
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-"1000:10 500:1"}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-60}
PRIME=${PRIME-"200:10:60 1000:10:60 500:1:90"}
OUT=bench/results/projection-lag.md
export COMMAND_PORT=${COMMAND_PORT:-8180} QUERY_PORTS=${QUERY_PORTS:-"8181 8182"}
export DB_NAME=${DB_NAME:-badges} QUERY_DB_NAME=${QUERY_DB_NAME:-badges_query}
export BADGES_REDIS_URL=${BADGES_REDIS_URL:-redis://127.0.0.1:6379}
export BADGES_RATE_LIMIT_PER_SECOND=0   # the per-key limit (1000/s) would refuse the load itself

scripts/distributed-down.sh >/dev/null
rm -rf .run/kafka .run/command-data .run/query-data-* .run/gc
if [ "${GC:-no}" = yes ]; then
  mkdir -p .run/gc
  export ALL_JAVA_OPTS="${ALL_JAVA_OPTS:-} -Xlog:gc:file=$PWD/.run/gc/gc-%p.log:utctime"
fi
for db in "$DB_NAME" "$QUERY_DB_NAME"; do psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" postgres; done
redis-cli -u "$BADGES_REDIS_URL" FLUSHDB >/dev/null || true
scripts/distributed-up.sh
trap 'scripts/distributed-down.sh >/dev/null' EXIT
QUERIES=$(for p in $QUERY_PORTS; do printf 'http://127.0.0.1:%s,' "$p"; done)
TOOL_CP="data-tools/target/classes:$(cat data-tools/target/classpath.txt)"
# one load-tool JVM for every phase: one started afresh per row compiled all over again (its C2 thread
# took 23 % of a core in a single-award row, bench/cpu-by-thread.py), on the cores the services need
PHASES=() LABELS=()
for prime in $PRIME; do
  IFS=: read -r rate batch seconds <<<"$prime"
  PHASES+=("$rate:$batch:$((seconds > 10 ? seconds - 10 : 0)):10") LABELS+=("priming, $rate/s, batch $batch, ${seconds}s")
done
for run in $RUNS; do
  PHASES+=("${run%%:*}:${run##*:}:$WARMUP:$DURATION") LABELS+=("${run%%:*}/s, batch ${run##*:}")
done
ROWS=() STAGE_PHASES=()
SAMPLES=.run/projection-lag-samples.txt COSTS=.run/projection-lag-costs.txt ENDS=.run/projection-lag-phase-ends.txt
rm -f "$COSTS"
cost_snapshot() {
  [ "${COST:-no}" != yes ] || python3 bench/stack-cost.py snapshot "$COSTS"
  date +%s.%N >> "$ENDS"
}
: > "$ENDS"
cost_snapshot
i=0
while read -r result; do
  echo "${LABELS[$i]}: $result"
  cost_snapshot
  if [ "$i" -ge "$(wc -w <<<"$PRIME")" ]; then
    field() { sed -nE "s/.* $1=([^ ]+).*/\1/p" <<<"$result"; }  # empty when the tool does not print it
    p99=$(field lag_p99_ms) batch=$(field batch)
    writes=$([ "$batch" = 1 ] && echo "single awards" || echo "bulks of $batch")
    STAGE_PHASES+=("${i}r=$writes, $(field target_per_s)/s")
    ROWS+=("| $writes | $(field target_per_s) | $(field achieved_per_s) | $(field errors) | $(field late_sends) | $(field award_p50_ms) / $(field award_p99_ms) | $(field samples) | $(field lag_p50_ms) | $p99 | $(field lag_max_ms) | $(field tool_cpu_us_per_request) | $(awk -v p="$p99" 'BEGIN { print (p <= 100 ? "met" : "not met") }') |")
  fi
  i=$((i + 1))
done < <(java -cp "$TOOL_CP" io.badges.tools.ProjectionLag --command "http://127.0.0.1:$COMMAND_PORT" \
  --key "$(cat .run/api-key)" --queries "${QUERIES%,}" --phases "${PHASES[*]}" --pause-seconds 10 \
  --samples "$SAMPLES" | grep --line-buffered '^RESULT')
[ "$i" -eq "${#PHASES[@]}" ] || { echo "the load tool stopped after $i of ${#PHASES[@]} phases" >&2; exit 1; }
{
  echo "# Projection lag at a fixed write rate (distributed mode)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores: Kafka, command service, two query services (L1 + Redis), PostgreSQL, Redis"
  echo "and the load tool, all on this machine (\`bench/projection-lag.sh\`). Primed at ${PRIME:-no rate} (rate:batch:seconds,"
  echo "unrecorded), then per row, open model: $WARMUP s unrecorded, then"
  echo "$DURATION s recorded, one after the other on the same stack, 10 s apart, by one load-tool JVM. Lag = first 200 from a query"
  echo "instance minus the award's 201 (every 50th award; polled at intervals of max(1 ms, 10 % of the time"
  echo "waited so far)); the tool's HTTP client keeps its connections open (KeepAliveHttp). The services ran on $(source scripts/launch.sh; "$LAUNCH_JAVA" -version 2>&1 | head -n 1) (scripts/launch.sh)."
  echo
  echo "| writes | target assertions/s | achieved | errors | sends > 5 ms late | award p50 / p99 ms | samples | lag p50 ms | lag p99 ms | lag max ms | load tool's CPU µs per request | goal p99 ≤ 100 ms |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  printf '%s\n' "${ROWS[@]}"
} > "$OUT"
if [ "${COST:-no}" = yes ]; then
  {
    echo
    echo "What each phase cost per assertion awarded in it (its pause, unrecorded and recorded parts; COST=yes:"
    echo "\`bench/stack-cost.py\`; CPU of each process over the phase, µs per assertion):"
    echo
    python3 bench/stack-cost.py report "$COSTS" "${LABELS[@]}"
  } >> "$OUT"
fi
if [ "${STAGES:-no}" = yes ]; then
  java -cp "$TOOL_CP" io.badges.tools.KafkaRecordTimes --bootstrap "127.0.0.1:${KAFKA_PORT:-9092}" \
    --topic "${BADGES_KAFKA_TOPIC:-badges.events.v1}" --out .run/projection-lag-records.txt
  {
    echo
    echo "Each row's lag split at the moment the command service's publisher created the event's Kafka record"
    echo "(STAGES=yes: \`bench/lag-stages.py\`):"
    echo
    python3 bench/lag-stages.py "$SAMPLES" .run/projection-lag-records.txt "${STAGE_PHASES[@]}"
  } >> "$OUT"
fi
if [ "${GC:-no}" = yes ]; then
  {
    echo
    echo "The collectors' pauses in each phase (its pause, unrecorded and recorded parts; GC=yes: \`bench/gc-pauses.py\`):"
    echo
    python3 bench/gc-pauses.py .run/gc "$ENDS" "${LABELS[@]}"
  } >> "$OUT"
fi
cat "$OUT"
