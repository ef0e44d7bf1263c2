#!/usr/bin/env bash
# Single awards per second of two builds of the command service, in alternation on this machine's
# PostgreSQL (127.0.0.1:5432, user postgres): a before/after of a change to the write path in one run.
#   cp -r command-service/target/app /tmp/app-before     (unpacked by scripts/launch.sh, e.g. by ./run)
#   ... change, ./mvnw -q -DskipTests -pl command-service package ...
#   bench/award-builds.sh /tmp/app-before [command-service/target/app]
# Each start: a fresh database, one issuer and badge class, WARMUP s of awards unrecorded, then
# DURATION s recorded (`wrk -t2 -c8` with bench/wrk/award.lua). Settings (env): ROUNDS (2), WARMUP (45),
# DURATION (30), PORT (9392). Needs wrk. Prints one RESULT line per start.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=${1:?the unpacked app directory of the build before}; AFTER=${2:-command-service/target/app}
ROUNDS=${ROUNDS:-2}; WARMUP=${WARMUP:-45}; DURATION=${DURATION:-30}; PORT=${PORT:-9392}
KEY=bench-key DB=bench_award_builds DIR=$PWD/target/bench/award-builds
PSQL=(psql -h 127.0.0.1 -U postgres -qc)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null || true' EXIT
start() { # label app-dir
  "${PSQL[@]}" "DROP DATABASE IF EXISTS $DB" postgres; "${PSQL[@]}" "CREATE DATABASE $DB" postgres
  rm -rf "$DIR"; mkdir -p "$DIR"
  SPRING_PROFILES_ACTIVE=postgres BADGES_DATA_DIR="$DIR" BADGES_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    BADGES_DB_USER=postgres COMMAND_PORT=$PORT BADGES_API_KEYS=$KEY BADGES_RATE_LIMIT_PER_SECOND=0 \
    AXONIQ_UPDATE_CHECKER_DISABLED=true java -Xmx384m -jar "$2/app.jar" > "$DIR/command.log" 2>&1 &
  PID=$!
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do kill -0 "$PID"; sleep 0.5; done
  local h=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json') issuer badge
  issuer=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/issuers" "${h[@]}" \
    -d '{"name":"Bench","url":"https://bench.example","email":"b@bench.example"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  badge=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/badge-classes" "${h[@]}" \
    -d '{"issuerId":"'"$issuer"'","name":"Bench","description":"d","criteria":{"narrative":"n"}}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  wrk -t2 -c8 -d"${WARMUP}s" -s bench/wrk/award.lua "http://127.0.0.1:$PORT" -- $KEY "$badge" >/dev/null
  echo "$1 $(wrk -t2 -c8 -d"${DURATION}s" -s bench/wrk/award.lua "http://127.0.0.1:$PORT" -- $KEY "$badge" | grep '^RESULT')"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}
for round in $(seq "$ROUNDS"); do start before "$BEFORE"; start after "$AFTER"; done
