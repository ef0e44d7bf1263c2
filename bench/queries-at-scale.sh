#!/usr/bin/env bash
# Latency (p50/p99) of every list and lookup endpoint of the read API with 10k and with 1M
# assertions (1,000 badge classes and 100 issuers at 1M; 100 and 10 at 10k, so pages are equally
# full), on one vendor, on this machine.
#   bench/queries-at-scale.sh sqlite     (files under target/bench/)
#   bench/queries-at-scale.sh postgres   (the machine's PostgreSQL on 127.0.0.1:5432, user postgres)
# Output: bench/results/queries-<vendor>.md. LOAD=0 measures again on the data of the previous run.
#
# Loading: each size is generated and projected by the query service in turn. Measuring: one fresh
# query service per size, all at the same time, under one load client that sends each step to every
# size in turn. Measured one after the other, the sizes were not comparable: this machine slows down
# over minutes (4,351 → 3,636 → 3,336 → 2,974 req/s in four consecutive runs alternating 1M, 10k,
# 1M, 10k), so whichever size ran second looked slower. Side by side under two load clients, the
# p99 was set by each client's own hiccups (see io.badges.tools.Latency). Two clients by default:
# more than the two cores of this machine measure its run queue, not the service.
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=${1:-sqlite}
SIZES=${SIZES:-"10000 1000000"}
REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-2}   # clients, each sending to every size in turn
WARMUP=${WARMUP:-120}   # seconds of load before measuring: the JIT needs about two minutes on two cores
PORT=${PORT:-9381}
OUT=bench/results/queries-$VENDOR.md
mkdir -p bench/results target/bench
./mvnw -q -B -ntp -DskipTests install
QUERY_JAR=$(ls query-service/target/query-service-*.jar | grep -v original | head -n 1)
tool() { ./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass="io.badges.tools.$1" -Dexec.args="$2"; }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done' EXIT

# Sets DIR, ENV and count() for one size.
size_env() {
  DIR=$PWD/target/bench/$VENDOR-$1
  if [ "$VENDOR" = sqlite ]; then
    COMMAND_DB="jdbc:sqlite:$DIR/command.db"
    ENV=(BADGES_DATA_DIR="$DIR")
    count() { sqlite3 "$DIR/query.db" "SELECT count(*) FROM assertion_view" 2>/dev/null || echo 0; }
  else
    COMMAND_DB="jdbc:postgresql://127.0.0.1:5432/bench_command_$1"
    ENV=(SPRING_PROFILES_ACTIVE=postgres BADGES_DATA_DIR="$DIR" BADGES_DB_URL="$COMMAND_DB" BADGES_DB_USER=postgres
         BADGES_QUERY_DB_URL="jdbc:postgresql://127.0.0.1:5432/bench_query_$1" BADGES_QUERY_DB_USER=postgres)
    QUERY_DB=bench_query_$1
    count() { psql -h 127.0.0.1 -U postgres -tAc "SELECT count(*) FROM assertion_view" "$QUERY_DB" 2>/dev/null || echo 0; }
  fi
}

# Starts the query service of the current size on port $1; its PID is $PID.
serve() {
  env "${ENV[@]}" QUERY_PORT=$1 AXONIQ_UPDATE_CHECKER_DISABLED=true java -Xmx1g -jar "$QUERY_JAR" >> "$DIR/query.log" 2>&1 &
  PID=$!
  PIDS+=($PID)
}

declare -A LOADED
for SIZE in $SIZES; do
  size_env "$SIZE"
  if [ "${LOAD:-1}" = 0 ]; then   # LOAD=0: measure again on the data of the previous run
    LOADED[$SIZE]="loaded by an earlier run"
    continue
  fi
  rm -rf "$DIR"; mkdir -p "$DIR"
  if [ "$VENDOR" = postgres ]; then
    for db in bench_command_$SIZE bench_query_$SIZE; do
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" postgres
      psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" postgres
    done
  fi
  # At least 100 assertions per badge class and 10 classes per issuer at every size.
  CLASSES=$(( SIZE / 100 < 1000 ? SIZE / 100 : 1000 ))
  start=$(date +%s)
  tool Generate "--db $COMMAND_DB --user postgres --data-dir $DIR --assertions $SIZE --badge-classes $CLASSES --issuers $(( CLASSES / 10 )) --paths $DIR/paths.txt"
  generated=$(( $(date +%s) - start ))
  serve "$PORT"
  start=$(date +%s)
  until [ "$(count)" = "$SIZE" ]; do
    kill -0 $PID || { echo "query-service died; see $DIR/query.log" >&2; exit 1; }
    sleep 2
  done
  LOADED[$SIZE]="$CLASSES badge classes, $(( CLASSES / 10 )) issuers; generated in ${generated}s, projected in $(( $(date +%s) - start ))s including start-up"
  kill $PID; wait $PID 2>/dev/null || true
  if [ "$VENDOR" = postgres ]; then
    # What autovacuum does after a bulk load; this machine's PostgreSQL runs with autovacuum = off,
    # and without statistics the planner guessed 12 rows per badge class at 10k and 1,154 per
    # recipient at 1M (5 in fact), and picked other plans at each size.
    for db in bench_command_$SIZE bench_query_$SIZE; do
      psql -h 127.0.0.1 -U postgres -qc "VACUUM (ANALYZE)" "$db"
    done
  fi
done

# Fresh JVMs for every size at once (not one whose JIT profile and heap come from projecting).
port=$PORT
for SIZE in $SIZES; do
  size_env "$SIZE"
  serve "$port"
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null; do
    kill -0 $PID || { echo "query-service died; see $DIR/query.log" >&2; exit 1; }
    sleep 1
  done
  port=$(( port + 1 ))
done
# One load client for all sizes: each of its clients sends the same step's path to every size in
# turn, so both meet the same machine state (see io.badges.tools.Latency).
BASES=(); PATHS=(); port=$PORT
for SIZE in $SIZES; do
  size_env "$SIZE"
  BASES+=("http://127.0.0.1:$port"); PATHS+=("$DIR/paths.txt")
  port=$(( port + 1 ))
done
join() { local IFS=,; echo "$*"; }
LABELS=$(join $SIZES)
tool Latency "--base $(join "${BASES[@]}") --paths $(join "${PATHS[@]}") --labels $LABELS --requests $REQUESTS --concurrency $CONCURRENCY --warmup-seconds $WARMUP" \
  > target/bench/latency-$VENDOR.txt
for SIZE in $SIZES; do
  size_env "$SIZE"
  awk -v size="$SIZE" '/^== / { on = ($2 == size); next } on' target/bench/latency-$VENDOR.txt > "$DIR/latency.txt"
done

{
  echo "# Read API latency at scale ($VENDOR)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores. One query service per size, measured at the same time by one load client:"
  echo "$CONCURRENCY concurrent clients, each sending the same step's path to every size in turn; $REQUESTS steps after"
  echo "${WARMUP}s of the same load (these list endpoints are never cached)."
  echo "(\`bench/queries-at-scale.sh $VENDOR\`). Milliseconds, client-side, servers on the same machine."
  for SIZE in $SIZES; do
    size_env "$SIZE"
    echo
    echo "## $SIZE assertions (${LOADED[$SIZE]})"
    echo
    echo "| endpoint | requests | p50 | p99 | max |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    grep '^|' "$DIR/latency.txt"
    echo
    head -n 1 "$DIR/latency.txt"
  done
  set -- $SIZES
  if [ $# = 2 ]; then
    echo
    echo "## Ratios, $2 / $1 (goal ≤ 1.2)"
    echo
    echo "| endpoint | p50 | p99 |"
    echo "| --- | ---: | ---: |"
    size_env "$1"; small=$DIR/latency.txt
    size_env "$2"; large=$DIR/latency.txt
    awk -F'|' 'NR == FNR { if (/^\|/) { p50[$2] = $4; p99[$2] = $5 }; next }
               /^\|/ && ($2 in p50) { printf "|%s| %.2f | %.2f |\n", $2, $4 / p50[$2], $5 / p99[$2] }' "$small" "$large"
  fi
} > "$OUT"
cat "$OUT"
