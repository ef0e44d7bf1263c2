#!/usr/bin/env bash
# Latency (p50/p99) of every list and lookup endpoint of the read API with 10k and with 1M
# assertions (1,000 badge classes, 100 issuers), on one vendor, in one run on this machine.
#   bench/queries-at-scale.sh sqlite     (files under target/bench/)
#   bench/queries-at-scale.sh postgres   (the machine's PostgreSQL on 127.0.0.1:5432, user postgres)
# Output: bench/results/queries-<vendor>.md
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=${1:-sqlite}
SIZES=${SIZES:-"10000 1000000"}
REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-8}
WARMUP=${WARMUP:-120}   # seconds of load before measuring: the JIT needs about two minutes on two cores
PORT=${PORT:-9381}
OUT=bench/results/queries-$VENDOR.md
mkdir -p bench/results target/bench
./mvnw -q -B -ntp -DskipTests install
QUERY_JAR=$(ls query-service/target/query-service-*.jar | grep -v original | head -n 1)
tool() { ./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass="io.badges.tools.$1" -Dexec.args="$2"; }

{
  echo "# Read API latency at scale ($VENDOR)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, $REQUESTS requests per size after ${WARMUP}s of the same load, $CONCURRENCY concurrent clients (these list endpoints are never cached)"
  echo "(\`bench/queries-at-scale.sh $VENDOR\`). Milliseconds, client-side, server on the same machine."
} > "$OUT"

for SIZE in $SIZES; do
  DIR=$PWD/target/bench/$VENDOR-$SIZE
  rm -rf "$DIR"; mkdir -p "$DIR"
  if [ "$VENDOR" = sqlite ]; then
    COMMAND_DB="jdbc:sqlite:$DIR/command.db"
    ENV=(BADGES_DATA_DIR="$DIR")
    count() { sqlite3 "$DIR/query.db" "SELECT count(*) FROM assertion_view" 2>/dev/null || echo 0; }
  else
    for db in bench_command_$SIZE bench_query_$SIZE; do
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" postgres
      psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" postgres
    done
    COMMAND_DB="jdbc:postgresql://127.0.0.1:5432/bench_command_$SIZE"
    ENV=(SPRING_PROFILES_ACTIVE=postgres BADGES_DATA_DIR="$DIR" BADGES_DB_URL="$COMMAND_DB" BADGES_DB_USER=postgres
         BADGES_QUERY_DB_URL="jdbc:postgresql://127.0.0.1:5432/bench_query_$SIZE" BADGES_QUERY_DB_USER=postgres)
    count() { psql -h 127.0.0.1 -U postgres -tAc "SELECT count(*) FROM assertion_view" "bench_query_$SIZE" 2>/dev/null || echo 0; }
  fi
  start=$(date +%s)
  tool Generate "--db $COMMAND_DB --user postgres --data-dir $DIR --assertions $SIZE --paths $DIR/paths.txt"
  generated=$(( $(date +%s) - start ))
  env "${ENV[@]}" QUERY_PORT=$PORT AXONIQ_UPDATE_CHECKER_DISABLED=true java -Xmx1g -jar "$QUERY_JAR" > "$DIR/query.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  start=$(date +%s)
  until [ "$(count)" = "$SIZE" ]; do
    kill -0 $PID || { echo "query-service died; see $DIR/query.log" >&2; exit 1; }
    sleep 2
  done
  projected=$(( $(date +%s) - start ))
  {
    echo
    echo "## $SIZE assertions (generated in ${generated}s, projected in ${projected}s including start-up)"
    echo
    echo "| endpoint | requests | p50 | p99 | max |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    tool Latency "--base http://127.0.0.1:$PORT --paths $DIR/paths.txt --requests $REQUESTS --concurrency $CONCURRENCY --warmup-seconds $WARMUP" \
      | tee "$DIR/latency.txt" | grep '^|'
    echo
    head -n 1 "$DIR/latency.txt"
  } >> "$OUT"
  kill $PID; wait $PID 2>/dev/null || true
done
cat "$OUT"
