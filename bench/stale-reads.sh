#!/usr/bin/env bash
# Stale-read window after a revoke, distributed mode (issue #4): scripts/distributed-up.sh starts
# Kafka, the command service and two query services sharing this machine's PostgreSQL and Redis;
# io.badges.tools.StaleReads then revokes ROUNDS cached assertions while READERS clients per
# instance poll each one, and reports p50/p99/max of (start of the last read anywhere that still
# said "not revoked") - (revoke request sent), split into the projection lag (until the read
# table's row says revoked; polled every ms) and the cache's own part (from there to the last stale
# read). Output: bench/results/stale-reads.md
# Settings (env): ROUNDS (200), READERS (2), plus distributed-up.sh's ports.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-200}
READERS=${READERS:-2}
export COMMAND_PORT=${COMMAND_PORT:-8180} QUERY_PORTS=${QUERY_PORTS:-"8181 8182"}
OUT=bench/results/stale-reads.md
scripts/distributed-up.sh
trap 'scripts/distributed-down.sh >/dev/null' EXIT
QUERIES=$(for p in $QUERY_PORTS; do printf 'http://127.0.0.1:%s,' "$p"; done)
result=$(java -cp "data-tools/target/classes:$(cat data-tools/target/classpath.txt)" io.badges.tools.StaleReads \
  --command "http://127.0.0.1:$COMMAND_PORT" --key "$(cat .run/api-key)" --queries "${QUERIES%,}" --rounds "$ROUNDS" \
  --readers "$READERS" --read-db "jdbc:postgresql://127.0.0.1:5432/${QUERY_DB_NAME:-badges_query}" --read-db-user postgres \
  | grep '^RESULT')
echo "$result"
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$result"; }
{
  echo "# Stale reads after a revoke (distributed mode)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores: Kafka, command service, two query services (L1 + Redis), PostgreSQL,"
  echo "all on this machine (\`bench/stale-reads.sh\`). $ROUNDS revocations of cached assertions, $READERS"
  echo "readers per instance polling back to back."
  echo
  echo "| | whole stale window (revoke sent to last stale read) | projection lag (revoke sent to row revoked in the read table) | cache's part (row revoked to last stale read) |"
  echo "| --- | ---: | ---: | ---: |"
  for q in p50 p99 max; do
    echo "| $q (ms) | $(field ${q}_ms) | $(field projection_${q}_ms) | $(field after_commit_${q}_ms) |"
  done
  echo
  echo "Stale answers in all: $(field stale_reads) (reads started after the revoke was sent that still said \"not revoked\")."
} > "$OUT"
cat "$OUT"
