#!/usr/bin/env bash
# Projection lag at a fixed write rate in distributed mode (issue #8): how long after an award's 201
# does the read API answer it? scripts/distributed-up.sh starts Kafka, the command service and two
# query services on this machine's PostgreSQL and Redis (fresh databases and Kafka log: this script
# resets the local distributed set-up under .run/); io.badges.tools.ProjectionLag then sends awards at
# RATE assertions/s (open model, for WARMUP s unrecorded and DURATION s recorded) and polls every
# 50th on the query instances until it answers 200 (backing off to 10 % of the time waited). Once
# per BATCHES size: 1 = single awards, n = the same assertion rate in bulk requests of n recipients.
# Settings (env): RATE (1000), DURATION (30), WARMUP (120), BATCHES ("10 1").
# Output: bench/results/projection-lag.md
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-1000}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-120}
BATCHES=${BATCHES:-"10 1"}
OUT=bench/results/projection-lag.md
export COMMAND_PORT=${COMMAND_PORT:-8180} QUERY_PORTS=${QUERY_PORTS:-"8181 8182"}
export BADGES_RATE_LIMIT_PER_SECOND=0   # the per-key limit (1000/s) would refuse the load itself

scripts/distributed-down.sh >/dev/null
rm -rf .run/kafka .run/command-data .run/query-data-*
for db in badges badges_query; do psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" postgres; done
redis-cli -h 127.0.0.1 FLUSHDB >/dev/null || true
scripts/distributed-up.sh
trap 'scripts/distributed-down.sh >/dev/null' EXIT
QUERIES=$(for p in $QUERY_PORTS; do printf 'http://127.0.0.1:%s,' "$p"; done)
ROWS=()
for batch in $BATCHES; do
  result=$(./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass=io.badges.tools.ProjectionLag \
    -Dexec.args="--command http://127.0.0.1:$COMMAND_PORT --key $(cat .run/api-key) --queries ${QUERIES%,} --rate $RATE --batch $batch --seconds $DURATION --warmup-seconds $WARMUP" \
    | grep '^RESULT')
  echo "batch $batch: $result"
  field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$result"; }
  ROWS+=("| $([ "$batch" = 1 ] && echo "single awards" || echo "batches of $batch") | $RATE | $(field achieved_per_s) | $(field errors) | $(field late_sends) | $(field award_p50_ms) / $(field award_p99_ms) | $(field samples) | $(field lag_p50_ms) | $(field lag_p99_ms) | $(field lag_max_ms) |")
done
{
  echo "# Projection lag at a fixed write rate (distributed mode)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores: Kafka, command service, two query services (L1 + Redis), PostgreSQL, Redis"
  echo "and the load tool, all on this machine (\`bench/projection-lag.sh\`). Open model: $WARMUP s unrecorded, then"
  echo "$DURATION s recorded. Lag = first 200 from a query instance minus the award's 201 (every 50th award;"
  echo "polled at intervals of max(1 ms, 10 % of the time waited so far))."
  echo
  echo "| writes | target assertions/s | achieved | errors | sends > 5 ms late | award p50 / p99 ms | samples | lag p50 ms | lag p99 ms | lag max ms |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
} > "$OUT"
cat "$OUT"
