#!/usr/bin/env bash
# eddsa-rdfc-2022 signatures per second on one core: ours (credentials module: titanium-json-ld +
# titanium-rdfc, JDK Ed25519) against the W3C/DCC reference signer (@digitalbazaar/vc +
# eddsa-rdfc-2022-cryptosuite on Node), the very same unsigned OpenBadgeCredential, one after the
# other in one run, each pinned to CPU 0 (issue #16). Output: bench/results/ob3-signing.md
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-500}; ROUNDS=${ROUNDS:-2000}
DIR=$PWD/target/bench/ob3-signing; NODE_DIR=$PWD/e2e-tests/target/interop
CONTEXTS=$PWD/credentials/src/main/resources/io/badges/credentials/contexts
mkdir -p "$DIR"
bash scripts/test-prerequisites.sh "$NODE_DIR" >/dev/null
./mvnw -q -B -ntp -DskipTests -pl credentials -am install
./mvnw -q -B -ntp -pl credentials dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DIR/cp.txt"
CP="$(cat "$DIR/cp.txt"):credentials/target/classes:credentials/target/test-classes"
pin() { if command -v taskset >/dev/null; then taskset -c 0 "$@"; else "$@"; fi; }
field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$2"; }

ours=$(pin java -cp "$CP" io.badges.credentials.SigningCost "$WARMUP" "$ROUNDS" "$DIR/unsigned.json" | grep '^RESULT')
theirs=$(pin node "$NODE_DIR/sign-bench.mjs" "$DIR/unsigned.json" "$CONTEXTS" "$WARMUP" "$ROUNDS" | grep '^RESULT')
{
  echo "# eddsa-rdfc-2022 signing rate: ours vs the reference library"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, both pinned to CPU 0, $(java -version 2>&1 | head -n 1), Node $(node --version);"
  echo "the same unsigned OpenBadgeCredential ($(wc -c < "$DIR/unsigned.json") bytes), $WARMUP warm-up then $ROUNDS signatures each"
  echo "(\`bench/ob3-signing.sh\`)."
  echo
  echo "| signer | signatures/s | ms each |"
  echo "| --- | ---: | ---: |"
  echo "| ours (titanium-json-ld + titanium-rdfc, JDK Ed25519) | $(field signatures_per_s "$ours") | $(field ms_each "$ours") |"
  echo "| @digitalbazaar/vc 7.3.0 + eddsa-rdfc-2022-cryptosuite 1.3.0 (Node) | $(field signatures_per_s "$theirs") | $(field ms_each "$theirs") |"
  echo
  echo "- ours / reference = **$(awk -v a="$(field signatures_per_s "$ours")" -v b="$(field signatures_per_s "$theirs")" 'BEGIN{printf "%.2f", a/b}')×** (goal ≥ 1)"
} > bench/results/ob3-signing.md
cat bench/results/ob3-signing.md
