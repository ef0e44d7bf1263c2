#!/usr/bin/env bash
# Our side of the peer comparison (issue #21), in one run, on the embedded default (SQLite, fresh data
# directories under target/bench/), both services with the JVM options of ./run (scripts/jvm-options.sh):
#   - start-up: seconds from `java` to /actuator/health UP on a new install (the command service alone, the
#     query service once the command service is healthy, as ./run starts them), started the plain way
#     (`java -jar` on the boot jar) and as ./run starts them (unpacked, on the JVM scripts/launch.sh picks,
#     with its archive of a start's classes), side by side; then both started together on the data already
#     there, as ./run restarts them, where the query service is live (/actuator/health/liveness) before it
#     is ready: readiness waits for its self-warm-up (docs/operations.md, "Start-up");
#   - RSS of each service idle (15 s after healthy), after WRITE_SECONDS of single awards and after the reads;
#   - single awards/s (wrk -c16), then cached GET /api/v1/assertions/{id} over the awarded ids:
#     requests/s, p50 and p99 at 100 connections after WARMUP s (the peer's measurement: wrk -t2 -c100 -d20s).
# Needs wrk. Settings (env): WRITE_SECONDS (20), WARMUP (60), DURATION (20), STARTS (3: start-ups per
# way, the median is reported). Output: bench/results/footprint.md
set -euo pipefail
cd "$(dirname "$0")/.."
WRITE_SECONDS=${WRITE_SECONDS:-20}; WARMUP=${WARMUP:-60}; DURATION=${DURATION:-20}; STARTS=${STARTS:-3}
COMMAND_PORT=${COMMAND_PORT:-9791}; QUERY_PORT=${QUERY_PORT:-9792}
KEY=bench-key
DIR=$PWD/target/bench/footprint
OUT=bench/results/footprint.md
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
source scripts/jvm-options.sh
source scripts/launch.sh
rm -rf "$DIR"; mkdir -p "$DIR" bench/results
jar() { ls "$PWD/$1"/target/"$1"-*.jar | grep -v '\.original$' | head -n 1; }
[ -f "$(jar command-service)" ] && [ -f "$(jar query-service)" ] || ./mvnw -q -B -ntp -DskipTests package -pl command-service,query-service -am
declare -A PLAIN LAUNCHED OPTIONS
PLAIN[command-service]="-jar $(jar command-service)"; PLAIN[query-service]="-jar $(jar query-service)"
LAUNCHED[command-service]=$(launch_args command-service); LAUNCHED[query-service]=$(launch_args query-service)
OPTIONS[command-service]=$COMMAND_JVM_OPTIONS; OPTIONS[query-service]=$QUERY_JVM_OPTIONS
export COMMAND_PORT QUERY_PORT BADGES_API_KEYS=$KEY BADGES_RATE_LIMIT_PER_SECOND=0 AXONIQ_UPDATE_CHECKER_DISABLED=true
CPID=; QPID=
trap 'kill $CPID $QPID 2>/dev/null || true' EXIT
start() { # service args data-dir -> pid in $!
  BADGES_DATA_DIR=$3 "$LAUNCH_JAVA" ${OPTIONS[$1]} $2 >> "$DIR/$1.log" 2>&1 &
}
up_after() { # url t0 pid -> seconds
  until curl -fs "$1" >/dev/null; do kill -0 "$3"; sleep 0.02; done
  awk -v a="$(date +%s.%N)" -v b="$2" 'BEGIN{printf "%.1f", a-b}'
}
healthy_after() { up_after "http://127.0.0.1:$1/actuator/health" "$2" "$3"; }
median() { tr ' ' '\n' <<<"$*" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

# 1. a new install, each service alone, started both ways in turn (STARTS times each, new data each time);
#    the last start as ./run starts them goes on into the measurements below
declare -A FRESH
for way in PLAIN LAUNCHED; do
  c=(); q=()
  for i in $(seq 1 "$STARTS"); do
    data=$DIR/fresh-$way-$i; mkdir -p "$data"
    if [ "$way" = PLAIN ]; then cargs=${PLAIN[command-service]}; qargs=${PLAIN[query-service]}
    else cargs=${LAUNCHED[command-service]}; qargs=${LAUNCHED[query-service]}; fi
    t0=$(date +%s.%N); start command-service "$cargs" "$data"; CPID=$!
    c+=("$(healthy_after "$COMMAND_PORT" "$t0" $CPID)")
    t0=$(date +%s.%N); start query-service "$qargs" "$data"; QPID=$!
    q+=("$(healthy_after "$QUERY_PORT" "$t0" $QPID)")
    [ "$way" = LAUNCHED ] && [ "$i" = "$STARTS" ] && break
    kill $CPID $QPID; wait $CPID $QPID 2>/dev/null || true
  done
  FRESH[$way-command]=$(median "${c[@]}"); FRESH[$way-query]=$(median "${q[@]}")
  FRESH[$way-command-all]="${c[*]}"; FRESH[$way-query-all]="${q[*]}"
done
DATA=$DIR/fresh-LAUNCHED-$STARTS
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
sqlite3 "$DATA/query.db" "SELECT '/api/v1/assertions/' || id FROM assertion_view LIMIT 10000" > "$DIR/paths.txt"
wrk -t2 -c100 -d"$WARMUP"s -s bench/wrk/paths.lua "http://127.0.0.1:$QUERY_PORT" -- "$DIR/paths.txt" >/dev/null
reads=$(wrk -t2 -c100 -d"$DURATION"s -s bench/wrk/paths.lua "http://127.0.0.1:$QUERY_PORT" -- "$DIR/paths.txt" | grep '^RESULT')
command_loaded=$(rss $CPID); query_loaded=$(rss $QPID)
kill $CPID $QPID; wait $CPID $QPID 2>/dev/null || true

# 3. a restart on that data: both together, as ./run starts them
t0=$(date +%s.%N); start command-service "${LAUNCHED[command-service]}" "$DATA"; CPID=$!
start query-service "${LAUNCHED[query-service]}" "$DATA"; QPID=$!
command_restart=$(healthy_after "$COMMAND_PORT" "$t0" $CPID)
query_live=$(up_after "http://127.0.0.1:$QUERY_PORT/actuator/health/liveness" "$t0" $QPID)
query_restart=$(healthy_after "$QUERY_PORT" "$t0" $QPID)
sleep 15
command_idle2=$(rss $CPID); query_idle2=$(rss $QPID)
kill $CPID $QPID; wait $CPID $QPID 2>/dev/null || true; CPID=; QPID=

{
  echo "# Footprint, start-up and tail latency (our side)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, $("$LAUNCH_JAVA" -version 2>&1 | head -n 1), embedded default (SQLite),"
  echo "command service \`$COMMAND_JVM_OPTIONS\`, query service \`$QUERY_JVM_OPTIONS\` (\`bench/footprint.sh\`)."
  echo
  echo "| measure | command service | query service |"
  echo "| --- | ---: | ---: |"
  echo "| healthy after \`java -jar\` on the boot jar, new install, the query service once the command service is healthy (s, median of $STARTS: ${FRESH[PLAIN-command-all]} / ${FRESH[PLAIN-query-all]}) | ${FRESH[PLAIN-command]} | ${FRESH[PLAIN-query]} |"
  echo "| healthy after \`java\` as ./run starts it (unpacked, its archive), new install, the query service once the command service is healthy (s, median of $STARTS: ${FRESH[LAUNCHED-command-all]} / ${FRESH[LAUNCHED-query-all]}) | ${FRESH[LAUNCHED-command]} | ${FRESH[LAUNCHED-query]} |"
  echo "| ratio: as ./run starts it / boot jar | $(ratio "${FRESH[LAUNCHED-command]}" "${FRESH[PLAIN-command]}") | $(ratio "${FRESH[LAUNCHED-query]}" "${FRESH[PLAIN-query]}") |"
  echo "| restart on the data, both together, as ./run: live (s) | $command_restart | $query_live |"
  echo "| restart on the data, both together, as ./run: healthy and ready, after the query side's warm-up (s) | $command_restart | $query_restart |"
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
