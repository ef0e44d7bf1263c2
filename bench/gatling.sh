#!/usr/bin/env bash
# The Gatling scenarios (load-tests module) against both services, in one mode, on one machine:
#   bench/gatling.sh embedded      SQLite files under target/bench/gatling-embedded (default)
#   bench/gatling.sh distributed   scripts/distributed-up.sh: Kafka, PostgreSQL, Redis, 2 query instances
# Generates ASSERTIONS assertions first (100,000; 20,000 distributed, which must go through Kafka),
# then runs (a) VerifierSimulation with USERS (100) readers, (b) IssuerSimulation, (c) BulkAward,
# (d) Mixed 95/5, DURATION (60) seconds each. Reports: target/bench/gatling-<mode>/reports/*/index.html; summary:
# bench/results/gatling-<mode>.md
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-embedded}
USERS=${USERS:-100}
DURATION=${DURATION:-60}   # seconds per scenario (not SECONDS: bash's own counter)
OUT=bench/results/gatling-$MODE.md
DIR=$PWD/target/bench/gatling-$MODE
rm -rf "$DIR" load-tests/target/gatling; mkdir -p "$DIR" bench/results
./mvnw -q -B -ntp -DskipTests install
tool() { ./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass="io.badges.tools.$1" -Dexec.args="$2"; }
jar() { ls "$1"/target/"$1"-*.jar | grep -v '\.original$' | head -n 1; }
PIDS=()
# Throughput, not the per-key limit (1000/s), is measured: faster awards made one key's 20 users
# exceed it in the issuer scenario (429s).
export BADGES_RATE_LIMIT_PER_SECOND=0
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; [ "$MODE" = distributed ] && scripts/distributed-down.sh >/dev/null; true' EXIT

if [ "$MODE" = embedded ]; then
  ASSERTIONS=${ASSERTIONS:-100000}
  KEY=gatling-key
  tool Generate "--db jdbc:sqlite:$DIR/command.db --data-dir $DIR --assertions $ASSERTIONS --lookups $DIR/lookups"
  export BADGES_DATA_DIR=$DIR BADGES_API_KEYS=$KEY AXONIQ_UPDATE_CHECKER_DISABLED=true COMMAND_PORT=9580 QUERY_PORT=9581
  java -Xmx1g -jar "$(jar command-service)" > "$DIR/command.log" 2>&1 & PIDS+=($!)
  until curl -fs localhost:9580/actuator/health >/dev/null; do sleep 1; done
  java -Xmx1g -jar "$(jar query-service)" > "$DIR/query.log" 2>&1 & PIDS+=($!)
  COMMAND=http://127.0.0.1:9580; QUERY=http://127.0.0.1:9581
  count() { sqlite3 "$DIR/query.db" "SELECT count(*) FROM assertion_view" 2>/dev/null || echo 0; }
else
  ASSERTIONS=${ASSERTIONS:-20000}
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS badges" postgres
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS badges_query" postgres
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE badges" postgres
  rm -rf .run/kafka/data .run/command-data .run/query-data-*
  [ -f .run/recipient-lookup-key ] || { mkdir -p .run; head -c 32 /dev/urandom | base64 > .run/recipient-lookup-key; }
  BADGES_RECIPIENT_LOOKUP_KEY=$(cat .run/recipient-lookup-key) tool Generate \
    "--db jdbc:postgresql://127.0.0.1:5432/badges --user postgres --data-dir $DIR --assertions $ASSERTIONS --lookups $DIR/lookups"
  export COMMAND_PORT=9580 QUERY_PORTS="9581 9582"
  scripts/distributed-up.sh
  KEY=$(cat .run/api-key)
  COMMAND=http://127.0.0.1:9580; QUERY=http://127.0.0.1:9581
  count() { psql -h 127.0.0.1 -U postgres -tAc "SELECT count(*) FROM assertion_view" badges_query 2>/dev/null || echo 0; }
fi
until [ "$(count)" -ge "$ASSERTIONS" ] && curl -fs "$QUERY/actuator/health" >/dev/null; do sleep 2; done

run() { # simulation, extra -D...
  ./mvnw -q -B -ntp -pl load-tests gatling:test -Dgatling.simulationClass="io.badges.load.$1" \
    -DqueryUrl="$QUERY" -DcommandUrl="$COMMAND" -DapiKey="$KEY" -Dpaths="$DIR/lookups/mixed.txt" \
    -Dseconds="$DURATION" "${@:2}" > "$DIR/$1.log" 2>&1 || echo "$1: assertions failed (see $DIR/$1.log)" >&2
  # the console summary's "Global Information" block: count, KO, throughput, p50, p95, p99
  python3 - "$1" "$DIR/$1.log" <<'PY'
import sys
lines = open(sys.argv[2]).read().split("---- Global Information")[-1].splitlines()
def cols(label):
    row = next(l for l in lines if l.startswith("> " + label))
    return [c.strip().replace(",", "") for c in row.split("|")[1:4]]
count, _, ko = cols("request count")
ko = "0" if ko == "-" else ko
print(f"| {sys.argv[1]} | {count} | {ko} | {float(cols('mean throughput')[0]):.0f} | "
      f"{cols('response time 50th')[0]} | {cols('response time 95th')[0]} | {cols('response time 99th')[0]} |")
PY
}
# warm-up: the JIT needs about two minutes of load on two cores
./mvnw -q -B -ntp -pl load-tests gatling:test -Dgatling.simulationClass=io.badges.load.VerifierSimulation \
  -DqueryUrl="$QUERY" -Dpaths="$DIR/lookups/mixed.txt" -Dseconds=90 > "$DIR/warmup.log" 2>&1 || true
rm -rf load-tests/target/gatling/verifiersimulation-*
{
  echo "# Gatling scenarios ($MODE)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, $ASSERTIONS generated assertions, ids from a Zipf distribution,"
  echo "${DURATION} s per scenario after a 90 s warm-up, Gatling on the same machine (\`bench/gatling.sh $MODE\`)."
  echo "Latency in ms (Gatling's percentiles: p50, p95, p99)."
  echo
  echo "| scenario | requests | errors | requests/s | p50 | p95 | p99 |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  run VerifierSimulation -Dusers="$USERS"
  run IssuerSimulation -Dusers=20
  run BulkAwardSimulation -Dusers=2 -DbatchSize=1000
  run MixedSimulation -Dusers="$USERS"
  echo
  echo "HTML reports: \`target/bench/gatling-$MODE/reports/\` (one directory per scenario)."
} > "$OUT"
rm -rf "$DIR/reports"; cp -r load-tests/target/gatling "$DIR/reports"
cat "$OUT"
