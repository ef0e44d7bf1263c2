#!/usr/bin/env bash
# Stops what scripts/distributed-up.sh started (services first, then Kafka), gracefully (SIGTERM),
# waiting for each to exit. Data (.run/kafka/data, the PostgreSQL databases) is kept; delete .run/
# and drop the databases badges and badges_query for a clean slate.
set -uo pipefail
cd "$(dirname "$0")/.."
RUN=.run
stop() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    echo "stopped $(basename "$file" .pid)"
  fi
  rm -f "$file"
}
for file in "$RUN"/query-service-*.pid "$RUN"/command-service.pid "$RUN"/kafka.pid; do
  stop "$file"
done
