#!/usr/bin/env bash
# Baked PNG GET /public/assertions/{id}/image against the same awards' JSON document
# GET /public/assertions/{id} (issue #15): one run, one machine, embedded default, wrk -t2 -c100,
# the same awards in the same order for both. Needs wrk (Debian package; installed when missing).
# Output: bench/results/baked-images.md
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$PWD/target/bench/baked-images
CPORT=${CPORT:-9791}; QPORT=${QPORT:-9792}
AWARDS=${AWARDS:-2000}; DURATION=${DURATION:-20s}; WARMUP=${WARMUP:-60s}; SIDE=${SIDE:-256}
source bench/embedded.sh

# A SIDE x SIDE PNG with a gradient (zlib, Python's standard library only).
python3 - "$DIR/badge.png" "$SIDE" <<'PY'
import struct, sys, zlib
path, n = sys.argv[1], int(sys.argv[2])
rows = b"".join(b"\x00" + bytes((x * 7 + y * 3) % 256 for x in range(n) for _ in range(3)) for y in range(n))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 2, 0, 0, 0))
                       + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
PY
BADGE=$(curl -fs "${auth[@]}" -d '{"issuerId":"'"$ISSUER"'","name":"Baked","description":"d","criteria":{"narrative":"n"}}' \
  "$C/api/v1/badge-classes" | id)
curl -fs -X PUT -H "Authorization: Bearer bench" -H 'Content-Type: image/png' --data-binary @"$DIR/badge.png" \
  "$C/api/v1/badge-classes/$BADGE/image" >/dev/null
award_all "$BADGE" "$AWARDS"
sed 's|^|/public/assertions/|' "$DIR/ids.txt" > "$DIR/json.txt"
sed 's|^|/public/assertions/|; s|$|/image|' "$DIR/ids.txt" > "$DIR/png.txt"
png_bytes=$(curl -fs "$Q$(head -n 1 "$DIR/png.txt")" | wc -c); json_bytes=$(curl -fs "$Q$(head -n 1 "$DIR/json.txt")" | wc -c)

measure() { wrk -t2 -c100 -d"$1" -s bench/wrk/paths.lua "$Q" -- "$2" | grep '^RESULT'; }
measure "$WARMUP" "$DIR/png.txt" >/dev/null     # every award baked once, JIT warm
measure "$WARMUP" "$DIR/json.txt" >/dev/null
json=$(measure "$DURATION" "$DIR/json.txt")
png=$(measure "$DURATION" "$DIR/png.txt")
{
  echo "# Baked PNG GET vs the JSON document GET"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, embedded default, $AWARDS awards of one badge class with an uploaded"
  echo "${SIDE}x${SIDE} PNG, wrk -t2 -c100 -d$DURATION over the same awards in the same order, after $WARMUP of each"
  echo "(\`bench/baked-images.sh\`). Latency in ms."
  echo
  echo "| GET | bytes | requests/s | p50 | p99 | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  echo "| \`/public/assertions/{id}\` (JSON) | $json_bytes | $(field rps "$json") | $(field p50 "$json") | $(field p99 "$json") | $(field non2xx "$json") |"
  echo "| \`/public/assertions/{id}/image\` (baked PNG) | $png_bytes | $(field rps "$png") | $(field p50 "$png") | $(field p99 "$png") | $(field non2xx "$png") |"
  echo
  echo "- baked PNG / JSON = **$(awk -v a="$(field rps "$png")" -v b="$(field rps "$json")" 'BEGIN{printf "%.2f", a/b}')×** requests/s"
} > bench/results/baked-images.md
cat bench/results/baked-images.md
