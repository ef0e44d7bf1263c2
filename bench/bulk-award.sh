#!/usr/bin/env bash
# Bulk award throughput through the API against a plain JDBC batch of the same rows into the same
# database, in one run on this machine; then a sweep of request sizes (SWEEP) through the API.
#   bench/bulk-award.sh sqlite      (a fresh data directory under target/bench/)
#   bench/bulk-award.sh postgres    (the machine's PostgreSQL on 127.0.0.1:5432, user postgres)
# Output: bench/results/bulk-award-<vendor>.md
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=${1:-sqlite}
BATCH=${BATCH:-10000}
BATCHES=${BATCHES:-5}
SWEEP=${SWEEP:-"100 1000 10000"}   # request sizes of the batch-size sweep, 50,000 recipients each
PORT=${PORT:-9380}
KEY=bench-key
OUT=bench/results/bulk-award-$VENDOR.md
DIR=$PWD/target/bench/bulk-$VENDOR
mkdir -p bench/results; rm -rf "$DIR"; mkdir -p "$DIR"
./mvnw -q -B -ntp -DskipTests install
COMMAND_JAR=$(ls command-service/target/command-service-*.jar | grep -v original | head -n 1)
tool() { ./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass="io.badges.tools.$1" -Dexec.args="$2"; }

if [ "$VENDOR" = sqlite ]; then
  DB="jdbc:sqlite:$DIR/command.db"
  ENV=(BADGES_DATA_DIR="$DIR")
else
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS bench_bulk" postgres
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE bench_bulk" postgres
  DB="jdbc:postgresql://127.0.0.1:5432/bench_bulk"
  ENV=(SPRING_PROFILES_ACTIVE=postgres BADGES_DATA_DIR="$DIR" BADGES_DB_URL="$DB" BADGES_DB_USER=postgres)
fi
env "${ENV[@]}" COMMAND_PORT=$PORT BADGES_API_KEYS=$KEY AXONIQ_UPDATE_CHECKER_DISABLED=true \
  java -Xmx1g -jar "$COMMAND_JAR" > "$DIR/command.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do kill -0 $PID; sleep 0.5; done
H=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json')
ISSUER=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/issuers" "${H[@]}" \
  -d '{"name":"Bench","url":"https://bench.example","email":"b@bench.example"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
BADGE=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/badge-classes" "${H[@]}" \
  -d '{"issuerId":"'"$ISSUER"'","name":"Bench","description":"d","criteria":{"narrative":"n"}}' | sed -E 's/.*"id":"([^"]+)".*/\1/')

# warm-up batch (JIT, pool), not counted
tool BulkAward "--mode api --base http://127.0.0.1:$PORT --key $KEY --badge-class $BADGE --batch 1000 --batches 2" >/dev/null
API=$(tool BulkAward "--mode api --base http://127.0.0.1:$PORT --key $KEY --badge-class $BADGE --batch $BATCH --batches $BATCHES")
rate() { sed -E 's/.*= ([0-9]+) rows\/s/\1/' <<<"$1"; }
SWEEP_ROWS=()
for size in $SWEEP; do
  r=$(tool BulkAward "--mode api --base http://127.0.0.1:$PORT --key $KEY --badge-class $BADGE --batch $size --batches $((50000 / size))")
  SWEEP_ROWS+=("| $size | $((50000 / size)) | $(rate "$r") |")
done
kill $PID; wait $PID 2>/dev/null || true
tool BulkAward "--mode jdbc --db $DB --user postgres --issuer $ISSUER --badge-class $BADGE --batch 1000 --batches 2" >/dev/null
JDBC=$(tool BulkAward "--mode jdbc --db $DB --user postgres --issuer $ISSUER --badge-class $BADGE --batch $BATCH --batches $BATCHES")
api_rate=$(rate "$API")
jdbc_rate=$(rate "$JDBC")
{
  echo "# Bulk award throughput ($VENDOR)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, $BATCHES batches of $BATCH recipients (\`bench/bulk-award.sh $VENDOR\`)."
  echo
  echo "| path | rows/s |"
  echo "| --- | ---: |"
  echo "| POST /api/v1/assertions/batch (HTTP, validation, hashing, Axon, events + rows in one transaction) | $api_rate |"
  echo "| plain JDBC batch of the same rows and events (hashing and JSON included) | $jdbc_rate |"
  echo
  echo "ratio API / JDBC: $(awk "BEGIN { printf \"%.2f\", $api_rate / $jdbc_rate }")"
  echo
  echo "Batch-size sweep through the API (50,000 recipients per size, same JVM, after the run above):"
  echo
  echo "| recipients per request | requests | rows/s |"
  echo "| ---: | ---: | ---: |"
  printf '%s\n' "${SWEEP_ROWS[@]}"
} > "$OUT"
cat "$OUT"
