#!/usr/bin/env bash
# Single awards (POST /api/v1/assertions) per second on PostgreSQL against pgbench running the same SQL
# transaction (bench/pgbench/award.sql) on the same database, in one run on this machine (issue #8).
# The service is measured once per configuration of CONFIGS (each a fresh JVM, warmed up first):
# HikariCP pool sizes (the pool-size sweep) and Axon's handler timeouts on/off.
#   bench/single-award.sh          (the machine's PostgreSQL on 127.0.0.1:5432, user postgres)
# Each row also gives the service's CPU per award (its JVM's CPU time over the measured period / awards).
# COMPARE_JAR=<another command-service boot jar> (say, an earlier commit's build) measures each pool
# size with that jar too, ROUNDS times, the two builds taking turns going first.
# Needs wrk and pgbench (Debian packages). Settings (env): CONNECTIONS (16 wrk connections),
# DURATION (30s), WARMUP (90s: the JIT needs about that on two cores), POOLS ("2 4 8 16"), COMPARE_JAR,
# ROUNDS (1), TIMEOUTS_ROW (yes: a row with Axon's handler timeouts on), SERVICE_JAVA_OPTS (more JVM
# options for the service, e.g. a JFR recording: -XX:StartFlightRecording=filename=DIR/,settings=profile).
# Output: bench/results/single-award.md
set -euo pipefail
COMPARE_JAR=${COMPARE_JAR:+$(realpath "$COMPARE_JAR")}  # before the cd: relative to the caller
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-90}
POOLS=${POOLS:-"2 4 8 16"}
COMPARE_JAR=${COMPARE_JAR:-}
ROUNDS=${ROUNDS:-1}
TIMEOUTS_ROW=${TIMEOUTS_ROW:-yes}
PORT=${PORT:-9390}
KEY=bench-key
DBNAME=bench_award
OUT=bench/results/single-award.md
DIR=$PWD/target/bench/single-award
for tool in wrk pgbench; do command -v $tool >/dev/null || { echo "$tool is needed (apt-get install wrk postgresql-client)" >&2; exit 1; }; done
rm -rf "$DIR"; mkdir -p "$DIR" bench/results
./mvnw -q -B -ntp -DskipTests install
COMMAND_JAR=$(ls command-service/target/command-service-*.jar | grep -v original | head -n 1)
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1)
"${PSQL[@]}" -qc "DROP DATABASE IF EXISTS $DBNAME" postgres
"${PSQL[@]}" -qc "CREATE DATABASE $DBNAME" postgres

PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null || true' EXIT
start() { # name, extra env...
  local name=$1; shift
  env SPRING_PROFILES_ACTIVE=postgres BADGES_DATA_DIR="$DIR" BADGES_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DBNAME" \
    BADGES_DB_USER=postgres COMMAND_PORT=$PORT BADGES_API_KEYS=$KEY BADGES_RATE_LIMIT_PER_SECOND=0 \
    AXONIQ_UPDATE_CHECKER_DISABLED=true "$@" java -Xmx1g ${SERVICE_JAVA_OPTS:-} -jar "${SERVICE_JAR:-$COMMAND_JAR}" > "$DIR/command-$name.log" 2>&1 &
  PID=$!
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do kill -0 $PID; sleep 0.5; done
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }
award() { # seconds -> RESULT line
  wrk -t2 -c"$CONNECTIONS" -d"$1"s -s bench/wrk/award.lua "http://127.0.0.1:$PORT" -- $KEY "$BADGE" | grep '^RESULT'
}

# one issuer and badge class, and one award whose event gives pgbench its payload and metadata
start setup
H=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json')
ISSUER=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/issuers" "${H[@]}" \
  -d '{"name":"Bench","url":"https://bench.example","email":"b@bench.example"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
BADGE=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/badge-classes" "${H[@]}" \
  -d '{"issuerId":"'"$ISSUER"'","name":"Bench","description":"d","criteria":{"narrative":"n"}}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/assertions" "${H[@]}" \
  -d '{"badgeClassId":"'"$BADGE"'","recipient":{"type":"email","identity":"first@example.org"}}' >/dev/null
stop
last() { "${PSQL[@]}" -tAc "SELECT $1 FROM $2 ORDER BY $3 DESC LIMIT 1" $DBNAME; }
PGB=(-D badge="$BADGE" -D "payload=$(last "encode(payload, 'escape')" domain_event_entry global_index)"
     -D "meta=$(last "encode(meta_data, 'escape')" domain_event_entry global_index)"
     -D "ts=$(last time_stamp domain_event_entry global_index)"
     -D "identity=$(last recipient_identity assertion issued_on)" -D "salt=$(last recipient_salt assertion issued_on)")
pgbench_tps() { # clients
  pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$1" -j 2 -T "$DURATION" -f bench/pgbench/award.sql "${PGB[@]}" $DBNAME \
    | sed -nE 's/^tps = ([0-9.]+) .*/\1/p' | cut -d. -f1
}

ROWS=()
declare -A RPS
measure() { # name, extra env...
  local name=$1
  start "$@"
  award "$WARMUP" >/dev/null
  local before; before=$(cpu_ticks $PID)
  local result; result=$(award "$DURATION")
  local ticks=$(( $(cpu_ticks $PID) - before ))
  echo "$name: $result"
  stop
  RPS[$name]=$(field rps "$result")
  ROWS+=("| $name | $(field rps "$result") | $(field p50 "$result") | $(field p99 "$result") | $(field non2xx "$result") | $(awk -v t=$ticks -v hz="$(getconf CLK_TCK)" -v r="$(field rps "$result")" -v d="$DURATION" 'BEGIN { if (r > 0) printf "%.2f", t * 1000 / hz / (r * d); else print "-" }') |")
}
cpu_ticks() { # pid -> utime + stime of the whole process, in clock ticks (getconf CLK_TCK per second)
  sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}
for round in $(seq 1 "$ROUNDS"); do
  suffix=$([ "$ROUNDS" -gt 1 ] && echo ", round $round" || true)
  for pool in $POOLS; do
    # the database grows with every row: with COMPARE_JAR, the two builds take turns going first
    if [ -n "$COMPARE_JAR" ] && [ $((round % 2)) -eq 0 ]; then
      SERVICE_JAR=$COMPARE_JAR measure "pool $pool, $(basename "$COMPARE_JAR")$suffix" BADGES_DB_POOL_SIZE=$pool
      measure "pool $pool$suffix" BADGES_DB_POOL_SIZE=$pool
    else
      measure "pool $pool$suffix" BADGES_DB_POOL_SIZE=$pool
      if [ -n "$COMPARE_JAR" ]; then
        SERVICE_JAR=$COMPARE_JAR measure "pool $pool, $(basename "$COMPARE_JAR")$suffix" BADGES_DB_POOL_SIZE=$pool
      fi
    fi
  done
done
if [ "$TIMEOUTS_ROW" = yes ]; then
  measure "pool 4, Axon handler timeouts on" BADGES_DB_POOL_SIZE=4 AXON_TIMEOUT_ENABLED=true
fi

PG_ROWS=()
BEST_PG=0
for clients in 4 16; do
  tps=$(pgbench_tps $clients)
  echo "pgbench -c $clients: $tps tps"
  PG_ROWS+=("| pgbench, $clients clients | $tps |")
  [ "$tps" -gt "$BEST_PG" ] && BEST_PG=$tps
done
BEST=0; BEST_NAME=
for name in "${!RPS[@]}"; do [ "${RPS[$name]}" -gt "$BEST" ] && { BEST=${RPS[$name]}; BEST_NAME=$name; }; done
{
  echo "# Single award against pgbench of the same transaction (PostgreSQL)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, client, service and PostgreSQL on this machine (\`bench/single-award.sh\`)."
  echo "wrk: $CONNECTIONS connections, ${WARMUP} s warm-up per JVM, ${DURATION} s measured; pgbench ${DURATION} s, \`-M prepared\`."
  echo
  [ -n "$COMPARE_JAR" ] && echo "COMPARE_JAR: \`$COMPARE_JAR\`." && echo
  echo "| service configuration | awards/s | p50 ms | p99 ms | non-2xx | service CPU ms per award |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "| baseline | transactions/s |"
  echo "| --- | ---: |"
  printf '%s\n' "${PG_ROWS[@]}"
  echo
  echo "ratio best service ($BEST_NAME, $BEST/s) / best pgbench ($BEST_PG/s): $(awk "BEGIN { printf \"%.2f\", $BEST / $BEST_PG }")"
} > "$OUT"
cat "$OUT"
