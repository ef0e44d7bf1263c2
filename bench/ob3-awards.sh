#!/usr/bin/env bash
# OB 3.0 awards (each one a credential signed twice: Data Integrity eddsa-rdfc-2022 and an ES256
# VC-JWT, plus a status list entry) against OB 2.0 hosted awards, in one run on this machine, on the
# embedded default (SQLite in a fresh data directory under target/bench/):
#   - single awards per second (wrk, CONNECTIONS connections, WARMUP s of warm-up then DURATION s), ob2 then ob3;
#   - one batch of BATCH awards (POST /api/v1/assertions/batch, wall time), ob2 then ob3, after a
#     warm-up batch of 1,000 of each.
#   bench/ob3-awards.sh
# Needs wrk and python3. Output: bench/results/ob3-awards.md
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
BATCH=${BATCH:-10000}
PORT=${PORT:-9395}
KEY=bench-key
OUT=bench/results/ob3-awards.md
DIR=$PWD/target/bench/ob3-awards
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
rm -rf "$DIR"; mkdir -p "$DIR" bench/results
# Only the command service and the modules it needs, from this work tree (nothing installed).
./mvnw -q -B -ntp -o -DskipTests package -pl command-service -am || ./mvnw -q -B -ntp -DskipTests package -pl command-service -am
COMMAND_JAR=$(ls command-service/target/command-service-*.jar | grep -v original | head -n 1)

env BADGES_DATA_DIR="$DIR" COMMAND_PORT=$PORT BADGES_API_KEYS=$KEY BADGES_RATE_LIMIT_PER_SECOND=0 \
  BADGES_PUBLIC_BASE_URL=https://badges.bench.example AXONIQ_UPDATE_CHECKER_DISABLED=true \
  java -Xmx1g -jar "$COMMAND_JAR" > "$DIR/command.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do kill -0 $PID; sleep 0.5; done
H=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json')
id() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }
ISSUER=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/issuers" "${H[@]}" \
  -d '{"name":"Bench","url":"https://bench.example","email":"b@bench.example"}' | id)
BADGE=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/badge-classes" "${H[@]}" \
  -d '{"issuerId":"'"$ISSUER"'","name":"Bench","description":"d","criteria":{"narrative":"n"}}' | id)

field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }
singles() { # format -> RESULT line
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP"s -s bench/wrk/award.lua "http://127.0.0.1:$PORT" -- $KEY "$BADGE" "$1" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION"s -s bench/wrk/award.lua "http://127.0.0.1:$PORT" -- $KEY "$BADGE" "$1" \
    | grep '^RESULT'
}
batch_body() { # size, format, tag -> file
  python3 - "$@" "$BADGE" "$DIR/batch-$2-$1-$3.json" <<'PY'
import json, sys
size, fmt, tag, badge, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
json.dump({"badgeClassId": badge, "format": fmt,
           "recipients": [{"type": "email", "identity": f"{tag}-{fmt}-{i}@example.org"} for i in range(size)]},
          open(out, "w"))
print(out)
PY
}
batch() { # size, format, tag -> "seconds status"
  local body; body=$(batch_body "$@")
  curl -sS -o "$DIR/answer-$2-$1-$3.json" -w '%{time_total} %{http_code}' -X POST \
    "http://127.0.0.1:$PORT/api/v1/assertions/batch" "${H[@]}" --data-binary @"$body"
}

OB2=$(singles ob2); echo "ob2 singles: $OB2"
OB3=$(singles ob3); echo "ob3 singles: $OB3"
batch 1000 ob2 warm >/dev/null; batch 1000 ob3 warm >/dev/null
BATCH2=$(batch "$BATCH" ob2 run); echo "ob2 batch of $BATCH: $BATCH2"
sleep 2  # let the publisher sign the lists opened so far, outside the measured batch
BATCH3=$(batch "$BATCH" ob3 run); echo "ob3 batch of $BATCH: $BATCH3"
[ "${BATCH2#* }" = 201 ] && [ "${BATCH3#* }" = 201 ] || { echo "a batch failed" >&2; exit 1; }
URLS=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['credentialUrls']))" "$DIR/answer-ob3-$BATCH-run.json")
sleep 2

R2=$(field rps "$OB2"); R3=$(field rps "$OB3"); T2=${BATCH2% *}; T3=${BATCH3% *}
{
  echo "# OB 3.0 awards against OB 2.0 hosted awards (embedded SQLite)"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores shared with other work (load average $(cut -d' ' -f1-3 /proc/loadavg)),"
  echo "client and service on this machine (\`bench/ob3-awards.sh\`). An OB 3.0 award = status list entry +"
  echo "eddsa-rdfc-2022 Data Integrity proof + ES256 VC-JWT, signed once in the request; a batch signs in parallel on all cores."
  echo
  echo "| single awards (wrk, $CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s measured) | awards/s | p50 ms | p99 ms | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| OB 2.0 hosted | $R2 | $(field p50 "$OB2") | $(field p99 "$OB2") | $(field non2xx "$OB2") |"
  echo "| OB 3.0 | $R3 | $(field p50 "$OB3") | $(field p99 "$OB3") | $(field non2xx "$OB3") |"
  echo
  echo "ratio OB 3.0 / OB 2.0 single awards/s: $(awk "BEGIN { printf \"%.2f\", $R3 / $R2 }")"
  echo
  echo "| one batch of $BATCH awards (after a warm-up batch of 1,000 each) | wall time s | awards/s |"
  echo "| --- | ---: | ---: |"
  echo "| OB 2.0 hosted | $T2 | $(awk "BEGIN { printf \"%.0f\", $BATCH / $T2 }") |"
  echo "| OB 3.0 ($URLS credential URLs answered) | $T3 | $(awk "BEGIN { printf \"%.0f\", $BATCH / $T3 }") |"
  echo
  echo "ratio OB 3.0 / OB 2.0 batch wall time: $(awk "BEGIN { printf \"%.1f\", $T3 / $T2 }") (goal for OB 3.0: under 30 s)"
} > "$OUT"
cat "$OUT"
