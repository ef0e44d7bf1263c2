#!/usr/bin/env bash
# The badge page GET /public/assertions/{id} with Accept: text/html (served rendered from the page
# cache) against the JSON document of the same awards, Accept: application/json (issue #18): one run,
# one machine, embedded default, wrk -t2 -c100, the same awards in the same order for both.
# Needs wrk (Debian package; installed when missing). Output: bench/results/badge-page.md
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$PWD/target/bench/badge-page
CPORT=${CPORT:-9795}; QPORT=${QPORT:-9796}
AWARDS=${AWARDS:-1000}; DURATION=${DURATION:-20s}; WARMUP=${WARMUP:-60s}
source bench/embedded.sh

BADGE=$(curl -fs "${auth[@]}" -d '{"issuerId":"'"$ISSUER"'","name":"Paged","description":"A badge with a page",
  "criteria":{"narrative":"Be measured"}}' "$C/api/v1/badge-classes" | id)
award_all "$BADGE" "$AWARDS"
sed 's|^|/public/assertions/|' "$DIR/ids.txt" > "$DIR/paths.txt"
first="$Q$(head -n 1 "$DIR/paths.txt")"
html_bytes=$(curl -fs -H 'Accept: text/html' "$first" | wc -c); json_bytes=$(curl -fs -H 'Accept: application/json' "$first" | wc -c)

HTML=(-H 'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
JSON=(-H 'Accept: application/json')
measure() { wrk -t2 -c100 -d"$1" "${@:2}" -s bench/wrk/paths.lua "$Q" -- "$DIR/paths.txt" | grep '^RESULT'; }
measure "$WARMUP" "${HTML[@]}" >/dev/null     # every page rendered once, JIT warm
measure "$WARMUP" "${JSON[@]}" >/dev/null
hits_before=$(curl -fs "$Q/actuator/prometheus" | awk '/^badges_pages_cache_total\{.*result="hit"/ {print $2}')
misses_before=$(curl -fs "$Q/actuator/prometheus" | awk '/^badges_pages_cache_total\{.*result="miss"/ {print $2}')
json=$(measure "$DURATION" "${JSON[@]}")
html=$(measure "$DURATION" "${HTML[@]}")
hits=$(curl -fs "$Q/actuator/prometheus" | awk '/^badges_pages_cache_total\{.*result="hit"/ {print $2}')
misses=$(curl -fs "$Q/actuator/prometheus" | awk '/^badges_pages_cache_total\{.*result="miss"/ {print $2}')
{
  echo "# Badge page GET vs the JSON document GET"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores (shared with other work), embedded default, $AWARDS hosted awards of one"
  echo "badge class, wrk -t2 -c100 -d$DURATION over the same awards in the same order, after $WARMUP of each"
  echo "(\`bench/badge-page.sh\`). Latency in ms."
  echo
  echo "| GET \`/public/assertions/{id}\` | bytes | requests/s | p50 | p99 | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  echo "| \`Accept: application/json\` (JSON-LD) | $json_bytes | $(field rps "$json") | $(field p50 "$json") | $(field p99 "$json") | $(field non2xx "$json") |"
  echo "| \`Accept: text/html\` (badge page) | $html_bytes | $(field rps "$html") | $(field p50 "$html") | $(field p99 "$html") | $(field non2xx "$html") |"
  echo
  echo "- badge page / JSON = **$(awk -v a="$(field rps "$html")" -v b="$(field rps "$json")" 'BEGIN{printf "%.2f", a/b}')×** requests/s"
  echo "- during the measured runs the page cache answered $(awk -v a="$hits" -v b="$hits_before" 'BEGIN{printf "%.0f", a-b}') pages"
  echo "  and rendered $(awk -v a="$misses" -v b="$misses_before" 'BEGIN{printf "%.0f", a-b}')"
} > bench/results/badge-page.md
cat bench/results/badge-page.md
