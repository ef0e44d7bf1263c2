#!/usr/bin/env bash
# The hot read path against nginx serving the very same bytes, in one run (issue #20): cached
# GET /api/v1/assertions/{id} (200) and its revalidation (304 to If-None-Match), each beside nginx doing
# the same from files; requests/s in the first 10 s after readiness against warm; cached against
# uncached (caches off); an unknown id's 404 on the hot path against the same 404 through Spring MVC
# (a query string sends it there), all on the embedded default (SQLite) with the JVM options of ./run.
# Needs wrk and nginx (Debian: apt-get install wrk nginx-light). Settings (env): ASSERTIONS (100000),
# DURATION (20s), WARMUP (60s), CONNECTIONS (100). Output: bench/results/hot-path.md
set -euo pipefail
cd "$(dirname "$0")/.."
ASSERTIONS=${ASSERTIONS:-100000}
DURATION=${DURATION:-20s}; WARMUP=${WARMUP:-60s}; CONNECTIONS=${CONNECTIONS:-100}
PORT=${PORT:-9781}; NGINX_PORT=${NGINX_PORT:-9782}
DIR=$PWD/target/bench/hot-path
OUT=bench/results/hot-path.md
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk: apt-get install nginx-light wrk" >&2; exit 1; }
source scripts/jvm-options.sh
mkdir -p bench/results
if [ ! -f "$DIR/lookups/assertions.txt" ] || [ "$(cat "$DIR/assertions" 2>/dev/null)" != "$ASSERTIONS" ]; then
  rm -rf "$DIR"; mkdir -p "$DIR"
  ./mvnw -q -B -ntp -DskipTests install
  ./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass=io.badges.tools.Generate \
    -Dexec.args="--db jdbc:sqlite:$DIR/command.db --data-dir $DIR --assertions $ASSERTIONS --lookups $DIR/lookups"
  echo "$ASSERTIONS" > "$DIR/assertions"
fi
source scripts/launch.sh
QUERY_ARGS=$(launch_args query-service)  # started as ./run starts it: unpacked, with its archive (scripts/launch.sh)
PATHS=$DIR/lookups/assertions.txt
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; [ -f "$DIR/nginx/nginx.pid" ] && kill "$(cat "$DIR/nginx/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT
wrk_run() { # duration script base [file] -> RESULT line
  wrk -t2 -c"$CONNECTIONS" -d"$1" -s "bench/wrk/$2.lua" "$3" -- "${4:-$PATHS}" | grep '^RESULT'
}
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
start_query() { # env... ; sets PID and STARTED (seconds to healthy)
  local t0; t0=$(date +%s.%N)
  env BADGES_DATA_DIR="$DIR" QUERY_PORT=$PORT AXONIQ_UPDATE_CHECKER_DISABLED=true "$@" \
    "$LAUNCH_JAVA" $QUERY_JVM_OPTIONS $QUERY_ARGS > "$DIR/query-$RUN.log" 2>&1 &
  PID=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 $PID || { echo "query-service died; see $DIR/query-$RUN.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTED=$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{printf "%.1f", a-b}')
}
stop_query() { kill $PID; wait $PID 2>/dev/null || true; PID=; }
count() { sqlite3 "$DIR/query.db" "SELECT count(*) FROM assertion_view" 2>/dev/null || echo 0; }

# 0. project the events once (a start on a read model that is already there is what we measure)
RUN=project; start_query
until [ "$(count)" = "$ASSERTIONS" ]; do sleep 1; done
stop_query

# 1. a restart: the first 10 s after readiness, then warm
RUN=cached; start_query
cold=$(wrk_run 10s paths "http://127.0.0.1:$PORT")
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" -- "$PATHS" >/dev/null
warm=$(wrk_run "$DURATION" paths "http://127.0.0.1:$PORT")
# the copies and tags nginx will serve: every distinct path's answer, byte for byte
rm -rf "$DIR/root" "$DIR/nginx"; mkdir -p "$DIR/root" "$DIR/nginx/logs"
python3 bench/fetch-copies.py "http://127.0.0.1:$PORT" "$PATHS" "$DIR/etags-ours.txt" "$DIR/root"
wrk_run 5s revalidate "http://127.0.0.1:$PORT" "$DIR/etags-ours.txt" >/dev/null
ours304=$(wrk_run "$DURATION" revalidate "http://127.0.0.1:$PORT" "$DIR/etags-ours.txt")
# ids no one was awarded: 404 problem+json from the hot path, then the same answers through Spring MVC
python3 -c "import uuid; [print('/api/v1/assertions/' + str(uuid.uuid4())) for _ in range(10000)]" > "$DIR/unknown.txt"
sed 's/$/?via=mvc/' "$DIR/unknown.txt" > "$DIR/unknown-mvc.txt"
wrk_run 5s paths "http://127.0.0.1:$PORT" "$DIR/unknown.txt" >/dev/null
wrk_run 5s paths "http://127.0.0.1:$PORT" "$DIR/unknown-mvc.txt" >/dev/null
unknown=$(wrk_run "$DURATION" paths "http://127.0.0.1:$PORT" "$DIR/unknown.txt")
unknownMvc=$(wrk_run "$DURATION" paths "http://127.0.0.1:$PORT" "$DIR/unknown-mvc.txt")
stop_query

# 2. caches off, after 30 s of the same reads
RUN=uncached; start_query BADGES_CACHE_ENABLED=false
wrk -t2 -c"$CONNECTIONS" -d30s -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" -- "$PATHS" >/dev/null
uncached=$(wrk_run "$DURATION" paths "http://127.0.0.1:$PORT")
stop_query

# 3. nginx, the same bytes from files (and its own ETags for the 304s)
cat > "$DIR/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$NGINX_PORT; root $DIR/root; }
}
CONF
nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx"
sleep 1
python3 bench/fetch-copies.py "http://127.0.0.1:$NGINX_PORT" "$PATHS" "$DIR/etags-nginx.txt"
wrk_run 5s paths "http://127.0.0.1:$NGINX_PORT" >/dev/null
static=$(wrk_run "$DURATION" paths "http://127.0.0.1:$NGINX_PORT")
static304=$(wrk_run "$DURATION" revalidate "http://127.0.0.1:$NGINX_PORT" "$DIR/etags-nginx.txt")
kill "$(cat "$DIR/nginx/nginx.pid")"; rm -f "$DIR/nginx/nginx.pid"

row() { echo "| $1 | $(field rps "$2") | $(field p50 "$2") | $(field p99 "$2") | $(field non2xx "$2") |"; }
{
  echo "# Hot read path against nginx, warm-up and caches"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, $(nginx -v 2>&1 | sed 's/.*: //'), $ASSERTIONS assertions (SQLite, embedded default),"
  echo "wrk -t2 -c$CONNECTIONS -d$DURATION over the same Zipf-drawn paths of GET /api/v1/assertions/{id}; query service"
  echo "with \`$QUERY_JVM_OPTIONS\` (scripts/jvm-options.sh), healthy ${STARTED} s after \`java\` on a restart, started as ./run starts it (scripts/launch.sh), on $("$LAUNCH_JAVA" -version 2>&1 | head -n 1)."
  echo "(\`bench/hot-path.sh\`). Latency in ms."
  echo
  echo "| server | requests/s | p50 | p99 | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  row "query-service, first 10 s after readiness" "$cold"
  row "query-service, warm (after $WARMUP)" "$warm"
  row "query-service, 304 to If-None-Match" "$ours304"
  row "query-service, 404 for unknown ids (hot path)" "$unknown"
  row "query-service, 404 for unknown ids through Spring MVC (query string)" "$unknownMvc"
  row "query-service, caches off (after 30 s)" "$uncached"
  row "nginx, same bytes from files" "$static"
  row "nginx, 304 to If-None-Match" "$static304"
  echo
  echo "- cached GET / nginx = **$(ratio "$(field rps "$warm")" "$(field rps "$static")")×** (goal ≥ 0.5)"
  echo "- 304 / nginx 304 = **$(ratio "$(field rps "$ours304")" "$(field rps "$static304")")×** (goal ≥ 0.5)"
  echo "- first 10 s after readiness / warm = **$(ratio "$(field rps "$cold")" "$(field rps "$warm")")×** (goal ≥ 0.5)"
  echo "- cached / uncached = **$(ratio "$(field rps "$warm")" "$(field rps "$uncached")")×** (goal ≥ 3)"
  echo "- 404 on the hot path / through Spring MVC = **$(ratio "$(field rps "$unknown")" "$(field rps "$unknownMvc")")×** (no goal)"
} > "$OUT"
cat "$OUT"
