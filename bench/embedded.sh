# Sourced by the bench scripts that measure reads of one badge class's awards in the embedded default
# (baked-images.sh, badge-page.sh): installs wrk when missing, builds, starts both services on CPORT and
# QPORT with their data under DIR, and gives them an issuer (ISSUER). Sets C and Q (the services' URLs).
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null || sudo apt-get install -y -qq wrk >/dev/null; }
./mvnw -q -B -ntp -DskipTests -pl command-service,query-service -am package
jar() { ls "$1"/target/"$1"-*.jar | grep -v '\.original$' | head -n 1; }
rm -rf "$DIR"; mkdir -p "$DIR/data"
export BADGES_DATA_DIR=$DIR/data BADGES_API_KEYS=bench COMMAND_PORT=$CPORT QUERY_PORT=$QPORT \
  BADGES_PUBLIC_BASE_URL=http://127.0.0.1:$QPORT BADGES_RATE_LIMIT_PER_SECOND=0 AXONIQ_UPDATE_CHECKER_DISABLED=true
C=http://127.0.0.1:$CPORT; Q=http://127.0.0.1:$QPORT
for url in "$C" "$Q"; do    # never measure (or write to) whatever else listens there
  if curl -s -o /dev/null "$url"; then echo "${url##*:} is in use: set CPORT and QPORT" >&2; exit 1; fi
done
java -jar "$(jar command-service)" > "$DIR/command.log" 2>&1 & CPID=$!
trap 'kill $CPID ${QPID:-} 2>/dev/null || true' EXIT
until curl -fs "$C/actuator/health" >/dev/null; do sleep 0.5; done
java -jar "$(jar query-service)" > "$DIR/query.log" 2>&1 & QPID=$!
until curl -fs "$Q/actuator/health" >/dev/null; do sleep 0.5; done

auth=(-H "Authorization: Bearer bench" -H 'Content-Type: application/json')
id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
ISSUER=$(curl -fs "${auth[@]}" -d '{"name":"Bench U","url":"https://bench.example","email":"b@bench.example"}' \
  "$C/api/v1/issuers" | id)

# award_all BADGE N: awards badge class BADGE to N recipients in one batch, their ids into $DIR/ids.txt,
# and returns once the query side serves the last one.
award_all() {
  python3 -c 'import json,sys; print(json.dumps({"badgeClassId": sys.argv[1], "recipients":
    [{"type": "email", "identity": "p%d@bench.example" % i} for i in range(int(sys.argv[2]))]}))' "$1" "$2" \
    > "$DIR/batch.json"
  curl -fs "${auth[@]}" --data-binary @"$DIR/batch.json" "$C/api/v1/assertions/batch" \
    | python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)["ids"]))' > "$DIR/ids.txt"
  local last; last=$(tail -n 1 "$DIR/ids.txt")
  until curl -fs -o /dev/null "$Q/public/assertions/$last"; do sleep 0.5; done
}

field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }
