#!/usr/bin/env bash
# Our cached GET /api/v1/assertions/{id} against nginx serving the very same JSON bytes as static
# files (issue #8), one run, one machine, wrk -t2 -c100, the same Zipf-drawn paths.
# Reuses the data of bench/cache-ratio.sh sqlite (run that first). Needs nginx and wrk (Debian).
# Output: bench/results/static-baseline.md
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$PWD/target/bench/cache-sqlite
DIR=$PWD/target/bench/static-baseline
PORT=${PORT:-9781}; NGINX_PORT=${NGINX_PORT:-9782}
DURATION=${DURATION:-20s}; WARMUP=${WARMUP:-120s}
[ -f "$DATA/lookups/assertions.txt" ] || { echo "run bench/cache-ratio.sh sqlite first" >&2; exit 1; }
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "needs nginx and wrk: apt-get install nginx-light wrk" >&2; exit 1; }
rm -rf "$DIR"; mkdir -p "$DIR/root" "$DIR/logs"
QUERY_JAR=$(ls query-service/target/query-service-*.jar | grep -v original | head -n 1)
measure() { wrk -t2 -c100 -d"$DURATION" -s bench/wrk/paths.lua "$1" -- "$DATA/lookups/assertions.txt" | grep '^RESULT'; }
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }

BADGES_DATA_DIR=$DATA QUERY_PORT=$PORT AXONIQ_UPDATE_CHECKER_DISABLED=true java -Xmx1g -jar "$QUERY_JAR" \
  > "$DIR/query.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 1; done
# the static copy: every distinct path's answer, byte for byte
sort -u "$DATA/lookups/assertions.txt" | while read -r path; do
  mkdir -p "$DIR/root$(dirname "$path")"
  curl -fs "http://127.0.0.1:$PORT$path" -o "$DIR/root$path"
done
wrk -t2 -c100 -d"$WARMUP" -s bench/wrk/paths.lua "http://127.0.0.1:$PORT" -- "$DATA/lookups/assertions.txt" >/dev/null
ours=$(measure "http://127.0.0.1:$PORT")
kill $PID; wait $PID 2>/dev/null || true

cat > "$DIR/nginx.conf" <<CONF
worker_processes auto;
pid $DIR/nginx.pid;
error_log $DIR/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$NGINX_PORT; root $DIR/root; }
}
CONF
nginx -c "$DIR/nginx.conf" -p "$DIR"
sleep 1
wrk -t2 -c100 -d5s -s bench/wrk/paths.lua "http://127.0.0.1:$NGINX_PORT" -- "$DATA/lookups/assertions.txt" >/dev/null
static=$(measure "http://127.0.0.1:$NGINX_PORT")
{
  echo "# Cached GET vs a static server"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, $(nginx -v 2>&1 | sed 's/.*: //'), wrk -t2 -c100 -d$DURATION, the same Zipf-drawn"
  echo "paths; the query service after $WARMUP of the same load (\`bench/static-baseline.sh\`). Latency in ms."
  echo
  echo "| server | requests/s | p50 | p99 | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| query-service, L1 cache | $(field rps "$ours") | $(field p50 "$ours") | $(field p99 "$ours") | $(field non2xx "$ours") |"
  echo "| nginx, same bytes from files | $(field rps "$static") | $(field p50 "$static") | $(field p99 "$static") | $(field non2xx "$static") |"
  echo
  echo "- ours / static = **$(awk -v a="$(field rps "$ours")" -v b="$(field rps "$static")" 'BEGIN{printf "%.2f", a/b}')×** (goal ≥ 0.5×)"
} > bench/results/static-baseline.md
cat bench/results/static-baseline.md
