#!/usr/bin/env bash
# Our side of the peer comparison (issue #21), in one run, on the embedded default (SQLite, a fresh
# data directory under target/bench/), both services with the JVM options of ./run
# (scripts/jvm-options.sh):
#   - start-up: seconds from `java -jar` to /actuator/health UP, each service alone on a new install,
#     then both started together on the data already there (as ./run restarts them);
#   - RSS of each service idle (15 s after healthy), after WRITE_SECONDS of single awards and after the reads;
#   - single awards/s (wrk -c16), then cached GET /api/v1/assertions/{id} over the awarded ids:
#     requests/s, p50 and p99 at 100 connections after WARMUP s (the peer's measurement: wrk -t2 -c100 -d20s).
# Needs wrk. Settings (env): WRITE_SECONDS (20), WARMUP (60), DURATION (20). Output: bench/results/footprint.md
set -euo pipefail
cd "$(dirname "$0")/.."
WRITE_SECONDS=${WRITE_SECONDS:-20}; WARMUP=${WARMUP:-60}; DURATION=${DURATION:-20}
COMMAND_PORT=${COMMAND_PORT:-9791}; QUERY_PORT=${QUERY_PORT:-9792}
KEY=bench-key
DIR=$PWD/target/bench/footprint
OUT=bench/results/footprint.md
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
source scripts/jvm-options.sh
rm -rf "$DIR"; mkdir -p "$DIR" bench/results
jar() { ls "$1"/target/"$1"-*.jar | grep -v '\.original$' | head -n 1; }
[ -f "$(jar command-service)" ] && [ -f "$(jar query-service)" ] || ./mvnw -q -B -ntp -DskipTests package -pl command-service,query-service -am
export BADGES_DATA_DIR=$DIR COMMAND_PORT QUERY_PORT BADGES_API_KEYS=$KEY BADGES_RATE_LIMIT_PER_SECOND=0 \
  AXONIQ_UPDATE_CHECKER_DISABLED=true
CPID=; QPID=
trap 'kill $CPID $QPID 2>/dev/null || true' EXIT
start() { # service options port -> pid in $!
  java $2 -jar "$(jar "$1")" >> "$DIR/$1.log" 2>&1 &
}
healthy_after() { # port t0 pid -> seconds
  until curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null; do kill -0 "$3"; sleep 0.05; done
  awk -v a="$(date +%s.%N)" -v b="$2" 'BEGIN{printf "%.1f", a-b}'
}
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }

# 1. a new install: each service alone
t0=$(date +%s.%N); start command-service "$COMMAND_JVM_OPTIONS"; CPID=$!
command_fresh=$(healthy_after "$COMMAND_PORT" "$t0" $CPID)
t0=$(date +%s.%N); start query-service "$QUERY_JVM_OPTIONS"; QPID=$!
query_fresh=$(healthy_after "$QUERY_PORT" "$t0" $QPID)
sleep 15
command_idle=$(rss $CPID); query_idle=$(rss $QPID)

# 2. awards, then reads of them
H=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json')
id() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }
ISSUER=$(curl -fsS -X POST "http://127.0.0.1:$COMMAND_PORT/api/v1/issuers" "${H[@]}" \
  -d '{"name":"Bench","url":"https://bench.example","email":"b@bench.example"}' | id)
BADGE=$(curl -fsS -X POST "http://127.0.0.1:$COMMAND_PORT/api/v1/badge-classes" "${H[@]}" \
  -d '{"issuerId":"'"$ISSUER"'","name":"Bench","description":"d","criteria":{"narrative":"n"}}' | id)
writes=$(wrk -t2 -c16 -d"$WRITE_SECONDS"s -s bench/wrk/award.lua "http://127.0.0.1:$COMMAND_PORT" -- $KEY "$BADGE" | grep '^RESULT')
sleep 5
sqlite3 "$DIR/query.db" "SELECT '/api/v1/assertions/' || id FROM assertion_view LIMIT 10000" > "$DIR/paths.txt"
wrk -t2 -c100 -d"$WARMUP"s -s bench/wrk/paths.lua "http://127.0.0.1:$QUERY_PORT" -- "$DIR/paths.txt" >/dev/null
reads=$(wrk -t2 -c100 -d"$DURATION"s -s bench/wrk/paths.lua "http://127.0.0.1:$QUERY_PORT" -- "$DIR/paths.txt" | grep '^RESULT')
command_loaded=$(rss $CPID); query_loaded=$(rss $QPID)
kill $CPID $QPID; wait $CPID $QPID 2>/dev/null || true

# 3. a restart on that data: both together, as ./run starts them
t0=$(date +%s.%N); start command-service "$COMMAND_JVM_OPTIONS"; CPID=$!; start query-service "$QUERY_JVM_OPTIONS"; QPID=$!
command_restart=$(healthy_after "$COMMAND_PORT" "$t0" $CPID)
query_restart=$(healthy_after "$QUERY_PORT" "$t0" $QPID)
sleep 15
command_idle2=$(rss $CPID); query_idle2=$(rss $QPID)
kill $CPID $QPID; wait $CPID $QPID 2>/dev/null || true; CPID=; QPID=

{
  echo "# Footprint, start-up and tail latency (our side)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -n 1), embedded default (SQLite),"
  echo "command service \`$COMMAND_JVM_OPTIONS\`, query service \`$QUERY_JVM_OPTIONS\` (\`bench/footprint.sh\`)."
  echo
  echo "| measure | command service | query service |"
  echo "| --- | ---: | ---: |"
  echo "| healthy after \`java -jar\`, new install, alone (s) | $command_fresh | $query_fresh |"
  echo "| healthy after \`java -jar\`, restart, both together (s) | $command_restart | $query_restart |"
  echo "| RSS idle, new install (MB) | $command_idle | $query_idle |"
  echo "| RSS idle after a restart on the data (MB) | $command_idle2 | $query_idle2 |"
  echo "| RSS after the writes and reads below (MB) | $command_loaded | $query_loaded |"
  echo
  echo "| load | requests/s | p50 ms | p99 ms | max ms | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  echo "| single awards, wrk -t2 -c16 -d${WRITE_SECONDS}s | $(field rps "$writes") | $(field p50 "$writes") | $(field p99 "$writes") | $(field max "$writes") | $(field non2xx "$writes") |"
  echo "| cached GET /api/v1/assertions/{id}, wrk -t2 -c100 -d${DURATION}s after ${WARMUP} s | $(field rps "$reads") | $(field p50 "$reads") | $(field p99 "$reads") | $(field max "$reads") | $(field non2xx "$reads") |"
} > "$OUT"
cat "$OUT"
