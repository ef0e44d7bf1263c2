#!/usr/bin/env bash
# Verifications per second (issue #17), one run, one machine, embedded default, wrk -t2 -c50 against
# POST /api/v1/verify with the same body again and again, issuer documents served from the verifier's
# cache (loaded once through the URL map from files, as an issuer's site would be):
#   - an OB 2.0 signed assertion (1EdTech's vector simple.jwt: RS256 JWS; badge class, issuer profile and
#     key cached; its issuer publishes no revocation list);
#   - OB 3.0 credentials signed by the W3C/DCC reference libraries (e2e-tests/src/test/node/reference-set.mjs):
#     eddsa-rdfc-2022 from a did:key issuer (nothing to load), from a did:web issuer with a Bitstring
#     Status List entry (DID document cached, the list read and its own proof checked on every
#     verification), and the same did:web credential as an ES256 VC-JWT.
# Needs wrk (installed by bench/embedded.sh when missing) and Node (scripts/test-prerequisites.sh).
# Output: bench/results/ob3-verify.md
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$PWD/target/bench/ob3-verify
CPORT=${CPORT:-9793}; QPORT=${QPORT:-9794}
DURATION=${DURATION:-20s}; WARMUP=${WARMUP:-30s}
# the issuers' sites are folders, filled once the services run (read at each request)
export BADGES_VERIFIER_URL_MAP="https://issuer.example/=file://$DIR/set/site/;https://example.org/=file://$DIR/ob2/;http://example.org/=file://$DIR/ob2/"
source bench/embedded.sh
bash scripts/test-prerequisites.sh "$PWD/e2e-tests/target/interop" >/dev/null
mkdir -p "$DIR/set" "$DIR/ob2"
node e2e-tests/target/interop/reference-set.mjs "$DIR/set" "$PWD/credentials/src/main/resources/io/badges/credentials/contexts" >/dev/null
cp query-service/src/test/resources/openbadges/ob20/assets/* "$DIR/ob2/"
cp query-service/src/test/resources/openbadges/ob20/simple.jwt "$DIR/ob2-signed.jwt"

# name | body file | content type
cases=(
  "OB 2.0 signed (RS256 JWS, 1EdTech vector)|$DIR/ob2-signed.jwt|text/plain"
  "OB 3.0 eddsa-rdfc-2022, did:key|$DIR/set/credentials/ldp-did-key.json|application/vc+ld+json"
  "OB 3.0 eddsa-rdfc-2022, did:web + status list|$DIR/set/credentials/ldp-did-web.json|application/vc+ld+json"
  "OB 3.0 VC-JWT ES256, did:web + status list|$DIR/set/credentials/jwt-es256-did-web.jwt|text/plain"
)
for c in "${cases[@]}"; do   # every case must verify valid, or its figure means nothing
  IFS='|' read -r name body type <<<"$c"
  curl -fs -H "Content-Type: $type" --data-binary @"$body" "$Q/api/v1/verify" | grep -q '"valid":true' \
    || { echo "not valid: $name"; curl -s -H "Content-Type: $type" --data-binary @"$body" "$Q/api/v1/verify"; exit 1; }
done
measure() { wrk -t2 -c50 -d"$1" -s bench/wrk/post.lua "$Q" -- /api/v1/verify "$2" "$3" | grep '^RESULT'; }
declare -A rps
{
  echo "# Verifications per second: OB 3.0 vs OB 2.0"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, embedded default, wrk -t2 -c50 -d$DURATION on POST /api/v1/verify, the same"
  echo "body each time, after $WARMUP of it (\`bench/ob3-verify.sh\`). Issuer documents come from the verifier's"
  echo "cache after the first request; status lists are read (from files) and their proofs checked on every verification."
  echo "Latency in ms."
  echo
  echo "| credential | verifications/s | p50 | p99 | non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for c in "${cases[@]}"; do
    IFS='|' read -r name body type <<<"$c"
    measure "$WARMUP" "$body" "$type" >/dev/null
    r=$(measure "$DURATION" "$body" "$type")
    rps[$name]=$(field rps "$r")
    echo "| $name | $(field rps "$r") | $(field p50 "$r") | $(field p99 "$r") | $(field non2xx "$r") |"
  done
  echo
  ob2=${rps["OB 2.0 signed (RS256 JWS, 1EdTech vector)"]}
  for c in "${cases[@]:1}"; do
    IFS='|' read -r name _ _ <<<"$c"
    echo "- $name / OB 2.0 JWS = **$(awk -v a="${rps[$name]}" -v b="$ob2" 'BEGIN{printf "%.2f", a/b}')×**"
  done
} > bench/results/ob3-verify.md
cat bench/results/ob3-verify.md
