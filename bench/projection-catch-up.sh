#!/usr/bin/env bash
# How fast the distributed projection works through a backlog, by way of writing its rows (issue #20):
# the projection's own cost per event, apart from the write path that shares the machine with it in
# bench/projection-lag.sh. scripts/distributed-up.sh starts Kafka and the command service only (no
# query service); AWARDS assertions are awarded in bulk requests and published to Kafka; then, for each
# WAYS entry in turn, one query service starts on a fresh read database and projects the whole topic
# from its start, and the script times its assertion rows from the first to the last (events/s). A way
# is "name=ENV=value,ENV=value" (the query service's environment), e.g. the default:
#   WAYS="batched=BADGES_PROJECTION_BATCH_WRITES=true one-by-one=BADGES_PROJECTION_BATCH_WRITES=false"
# ROUNDS (2) repeats the ways in alternation; the ratio is of the medians of one run.
# Settings (env): AWARDS (50000), ROUNDS, WAYS, SKIP_BUILD, plus distributed-up.sh's. The script resets
# the local distributed set-up under .run/ and the databases DB_NAME and QUERY_DB_NAME.
# Output: bench/results/projection-catch-up.md
set -euo pipefail
cd "$(dirname "$0")/.."
AWARDS=${AWARDS:-50000}
ROUNDS=${ROUNDS:-2}
WAYS=${WAYS:-"batched=BADGES_PROJECTION_BATCH_WRITES=true one-by-one=BADGES_PROJECTION_BATCH_WRITES=false"}
OUT=bench/results/projection-catch-up.md
export COMMAND_PORT=${COMMAND_PORT:-8180} QUERY_PORT=${QUERY_PORT:-8181}
export DB_NAME=${DB_NAME:-badges} QUERY_DB_NAME=${QUERY_DB_NAME:-badges_query}
export BADGES_REDIS_URL=${BADGES_REDIS_URL:-redis://127.0.0.1:6379}
export BADGES_RATE_LIMIT_PER_SECOND=0 BADGES_PUBLIC_BASE_URL=http://127.0.0.1:$QUERY_PORT
PSQL=(psql -h 127.0.0.1 -U postgres -qAt)

scripts/distributed-down.sh >/dev/null
rm -rf .run/kafka .run/command-data .run/query-data-*
for db in "$DB_NAME" "$QUERY_DB_NAME"; do "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db" postgres; done
QUERY_PORTS="" scripts/distributed-up.sh   # Kafka and the command service
PID_FILE=.run/query-catch-up.pid
trap '[ -f "$PID_FILE" ] && kill "$(cat "$PID_FILE")" 2>/dev/null; rm -f "$PID_FILE"; scripts/distributed-down.sh >/dev/null' EXIT

KEY=$(cat .run/api-key)
H=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json')
BASE=http://127.0.0.1:$COMMAND_PORT
ISSUER=$(curl -fsS -X POST "$BASE/api/v1/issuers" "${H[@]}" \
  -d '{"name":"Bench","url":"https://bench.example","email":"b@bench.example"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
BADGE=$(curl -fsS -X POST "$BASE/api/v1/badge-classes" "${H[@]}" \
  -d '{"issuerId":"'"$ISSUER"'","name":"Bench","description":"d","criteria":{"narrative":"n"}}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
TOOL_CP="data-tools/target/classes:$(cat data-tools/target/classpath.txt)"
java -cp "$TOOL_CP" io.badges.tools.BulkAward --mode api --base "$BASE" --key "$KEY" --badge-class "$BADGE" \
  --batch 1000 --batches $((AWARDS / 1000))
printf 'publishing to Kafka'
until curl -fsS "$BASE/actuator/health" | grep -q '"lagEvents":0[,}]'; do printf .; sleep 1; done
echo

source scripts/jvm-options.sh
source scripts/launch.sh
QUERY_ARGS=$(launch_args query-service)
catch_up() { # way-spec -> seconds from the first assertion row to the last (runs in a subshell)
  local spec=$1 env=() start now rows=0 pid
  IFS=, read -ra env <<<"${spec#*=}"
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $QUERY_DB_NAME" postgres
  "${PSQL[@]}" -c "CREATE DATABASE $QUERY_DB_NAME" postgres
  rm -rf ".run/query-data-$QUERY_PORT"
  env "${env[@]}" SPRING_PROFILES_ACTIVE=distributed AXONIQ_UPDATE_CHECKER_DISABLED=true \
    BADGES_KAFKA_BOOTSTRAP=127.0.0.1:${KAFKA_PORT:-9092} BADGES_API_KEYS="$KEY" \
    BADGES_RECIPIENT_LOOKUP_KEY="$(cat .run/recipient-lookup-key)" \
    BADGES_QUERY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$QUERY_DB_NAME" BADGES_QUERY_DB_USER=postgres \
    BADGES_DATA_DIR=".run/query-data-$QUERY_PORT" QUERY_PORT=$QUERY_PORT BADGES_WARM_UP=0s \
    "$LAUNCH_JAVA" -Xmx384m $QUERY_ARGS > ".run/query-catch-up.log" 2>&1 &
  pid=$!
  echo "$pid" > "$PID_FILE"
  count() { "${PSQL[@]}" -d "$QUERY_DB_NAME" -c "SELECT count(*) FROM assertion_view" 2>/dev/null || echo 0; }
  alive() { kill -0 "$pid" 2>/dev/null || { echo "the query service exited: .run/query-catch-up.log" >&2; exit 1; }; }
  until [ "$(count)" -gt 0 ]; do alive; sleep 0.05; done
  start=$(date +%s.%N)
  until rows=$(count); [ "$rows" -ge "$AWARDS" ]; do alive; sleep 0.1; done
  now=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$PID_FILE"
  awk -v a="$start" -v b="$now" 'BEGIN { printf "%.2f", b - a }'
}

declare -A SECONDS_OF
for round in $(seq "$ROUNDS"); do
  for way in $WAYS; do
    s=$(catch_up "$way")
    echo "round $round, ${way%%=*}: $AWARDS assertions in $s s ($(awk -v n="$AWARDS" -v s="$s" 'BEGIN { printf "%.0f", n / s }') events/s)"
    SECONDS_OF[${way%%=*}]+="$s "
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
{
  echo "# Projection catch-up (distributed mode)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores (\`bench/projection-catch-up.sh\`): $AWARDS assertions awarded in bulks of 1,000"
  echo "and published to Kafka first; then one query service at a time, on a fresh read database, projects the"
  echo "topic from its start; seconds from its first assertion row to its last. Ways in alternation, $ROUNDS rounds."
  echo
  echo "| way | seconds per round | median events/s |"
  echo "| --- | --- | ---: |"
  RATES=()
  for way in $WAYS; do
    name=${way%%=*}; m=$(median "${SECONDS_OF[$name]}")
    rate=$(awk -v n="$AWARDS" -v s="$m" 'BEGIN { printf "%.0f", n / s }')
    echo "| $name (${way#*=}) | ${SECONDS_OF[$name]}| $rate |"
    RATES+=("$name $rate")
  done
  # the first way against the last, as a ratio of their median rates
  read -r first_name first_rate <<<"${RATES[0]}"; read -r last_name last_rate <<<"${RATES[-1]}"
  if [ "${#RATES[@]}" -gt 1 ]; then
    echo; echo "$first_name vs $last_name: $(awk -v a="$first_rate" -v b="$last_rate" 'BEGIN { printf "%.2f", a / b }')×"
  fi
} > "$OUT"
cat "$OUT"
