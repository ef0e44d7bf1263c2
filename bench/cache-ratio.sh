#!/usr/bin/env bash
# Throughput of GET assertion and verify at 100 concurrent connections, caches on vs off, one run,
# one machine, the same data and the same build (issue #4).
#   bench/cache-ratio.sh sqlite     embedded default: L1 only (files under target/bench/)
#   bench/cache-ratio.sh postgres   the machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379):
#                                   the distributed mode's cache stack (L1 + Redis), plus Redis alone
#                                   (L1 off) with Smile and with JSON values
# Needs wrk (Debian package). Settings (env): ASSERTIONS (100000), DURATION (20s), WARMUP (120s: the JIT needs about that on two cores), CONNECTIONS (100).
# Output: bench/results/cache-<vendor>.md
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=${1:-sqlite}
ASSERTIONS=${ASSERTIONS:-100000}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-120s}
CONNECTIONS=${CONNECTIONS:-100}
PORT=${PORT:-9481}
OUT=bench/results/cache-$VENDOR.md
DIR=$PWD/target/bench/cache-$VENDOR
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
rm -rf "$DIR"; mkdir -p "$DIR" bench/results
./mvnw -q -B -ntp -DskipTests install
QUERY_JAR=$(ls query-service/target/query-service-*.jar | grep -v original | head -n 1)
tool() { ./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass="io.badges.tools.$1" -Dexec.args="$2"; }

if [ "$VENDOR" = sqlite ]; then
  COMMAND_DB="jdbc:sqlite:$DIR/command.db"
  BASE_ENV=(BADGES_DATA_DIR="$DIR")
  count() { sqlite3 "$DIR/query.db" "SELECT count(*) FROM assertion_view" 2>/dev/null || echo 0; }
  CONFIGS=("cached (L1)|BADGES_CACHE_ENABLED=true" "uncached|BADGES_CACHE_ENABLED=false")
else
  for db in bench_cache_command bench_cache_query; do
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" postgres
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" postgres
  done
  COMMAND_DB="jdbc:postgresql://127.0.0.1:5432/bench_cache_command"
  BASE_ENV=(SPRING_PROFILES_ACTIVE=postgres BADGES_DATA_DIR="$DIR" BADGES_DB_URL="$COMMAND_DB" BADGES_DB_USER=postgres
            BADGES_QUERY_DB_URL="jdbc:postgresql://127.0.0.1:5432/bench_cache_query" BADGES_QUERY_DB_USER=postgres
            BADGES_REDIS_URL=redis://127.0.0.1:6379)
  count() { psql -h 127.0.0.1 -U postgres -tAc "SELECT count(*) FROM assertion_view" bench_cache_query 2>/dev/null || echo 0; }
  CONFIGS=("cached (L1 + Redis)|BADGES_CACHE_ENABLED=true"
           "Redis only, Smile|BADGES_CACHE_L1MAXENTRIES=0 BADGES_CACHE_FORMAT=smile"
           "Redis only, JSON|BADGES_CACHE_L1MAXENTRIES=0 BADGES_CACHE_FORMAT=json"
           "uncached|BADGES_CACHE_ENABLED=false")
fi

tool Generate "--db $COMMAND_DB --user postgres --data-dir $DIR --assertions $ASSERTIONS --lookups $DIR/lookups"
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null || true' EXIT
start_query() { # extra env...
  env "${BASE_ENV[@]}" "$@" QUERY_PORT=$PORT AXONIQ_UPDATE_CHECKER_DISABLED=true \
    java -Xmx1g -jar "$QUERY_JAR" > "$DIR/query-$RUN.log" 2>&1 &
  PID=$!
  until [ "$(count)" = "$ASSERTIONS" ] && curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 $PID || { echo "query-service died; see $DIR/query-$RUN.log" >&2; exit 1; }
    sleep 1
  done
}
measure() { # paths file -> RESULT line
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" -- "$1" | grep '^RESULT'
}
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }

declare -A RPS
RUN=0
ROWS=()
for config in "${CONFIGS[@]}"; do
  RUN=$((RUN + 1))
  name=${config%%|*}; read -r -a extra <<<"${config#*|}"
  [ "$VENDOR" = postgres ] && redis-cli -h 127.0.0.1 FLUSHDB >/dev/null
  start_query "${extra[@]}"
  # warm-up: the JIT needs tens of seconds on two cores before the figures settle
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" -- "$DIR/lookups/mixed.txt" >/dev/null
  for kind in assertions verify; do
    wrk -t2 -c"$CONNECTIONS" -d5s -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" -- "$DIR/lookups/$kind.txt" >/dev/null
    result=$(measure "$DIR/lookups/$kind.txt")
    echo "$name $kind: $result"
    RPS["$name/$kind"]=$(field rps "$result")
    ROWS+=("| $kind | $name | $(field rps "$result") | $(field p50 "$result") | $(field p99 "$result") | $(field non2xx "$result") | $(field socket_errors "$result") |")
  done
  kill $PID; wait $PID 2>/dev/null || true; PID=
done

first=${CONFIGS[0]%%|*}
{
  echo "# Caches on vs off ($VENDOR)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, $ASSERTIONS assertions, ids drawn from a Zipf distribution (s=1),"
  echo "wrk -t2 -c$CONNECTIONS -d$DURATION after $WARMUP of mixed reads and 5 s of the same reads, client and server on the same machine"
  echo "(\`bench/cache-ratio.sh $VENDOR\`). Latency in ms."
  echo
  echo "| endpoint | caches | requests/s | p50 | p99 | non-2xx | socket errors |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  for kind in assertions verify; do
    echo "- $kind: $first / uncached = **$(awk -v a="${RPS[$first/$kind]}" -v b="${RPS[uncached/$kind]}" 'BEGIN{printf "%.2f", a/b}')×**"
  done
} > "$OUT"
cat "$OUT"
