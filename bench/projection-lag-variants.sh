#!/usr/bin/env bash
# bench/projection-lag.sh on one build under two settings in turn, ABBA: A, B, B, A, each a fresh stack
# with COST=yes, STAGES=yes and GC=yes, the same RUNS. A setting is a list of environment assignments
# for bench/projection-lag.sh and scripts/distributed-up.sh (JVM options of Kafka and the services,
# Spring properties through the environment, ...), "" for the defaults:
#   bash bench/projection-lag-variants.sh "" 'KAFKA_JAVA_OPTS="-Xmx512m -XX:MaxGCPauseMillis=20"'
# Prints every stack's table and collects them in bench/results/projection-lag-variants.md.
# Settings (env): ROUNDS (2: ABBA; 1: AB), and bench/projection-lag.sh's (RUNS, WARMUP, DURATION, PRIME,
# SKIP_BUILD: the first stack builds unless it is set, the others use that build).
set -euo pipefail
cd "$(dirname "$0")/.."
A=${1?usage: bench/projection-lag-variants.sh A_SETTINGS B_SETTINGS}
B=${2?usage: bench/projection-lag-variants.sh A_SETTINGS B_SETTINGS}
OUT=bench/results/projection-lag-variants.md
PARTS=.run/projection-lag-variants.md
mkdir -p .run
ORDER=(A B)
[ "${ROUNDS:-2}" = 1 ] || ORDER+=(B A)
{
  echo "# Projection lag, two settings in turn"
  echo
  echo "$(date -u +%FT%TZ), build $(git log -1 --format=%h)$(git diff --quiet HEAD || echo ' with uncommitted changes'),"
  echo "in the order ${ORDER[*]} (\`bench/projection-lag-variants.sh\`, each a fresh stack: \`bench/projection-lag.sh\`):"
  echo
  echo "- A: ${A:-(the defaults)}"
  echo "- B: ${B:-(the defaults)}"
} > "$PARTS"
n=0
for way in "${ORDER[@]}"; do
  n=$((n + 1))
  settings=$([ "$way" = A ] && echo "$A" || echo "$B")
  (
    [ -z "$settings" ] || eval "export $settings"
    COST=yes STAGES=yes GC=yes bash bench/projection-lag.sh
  )
  export SKIP_BUILD=1
  { echo; echo "## $n: $way"; echo; sed -n '/^| writes/,$p' bench/results/projection-lag.md; } >> "$PARTS"
done
cp "$PARTS" "$OUT"
cat "$OUT"
