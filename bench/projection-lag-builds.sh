#!/usr/bin/env bash
# bench/projection-lag.sh on two builds in turn, ABBA: OTHER (another checkout of this repository, built
# with `./mvnw -DskipTests package` and the class paths of scripts/distributed-up.sh: run that once
# there), then this checkout, this one again and OTHER again, each a fresh stack with COST=yes,
# STAGES=yes and GC=yes, the same RUNS. This checkout's bench scripts and scripts/distributed-up.sh
# drive both: they are copied over OTHER's own (so give it a throwaway clone, at 077df22 or later: its
# load tool must have KafkaRecordTimes);
# each stack runs that checkout's services and load tool, and each writes its checkout's
# bench/results/projection-lag.md. Prints every stack's table and collects them in
# bench/results/projection-lag-builds.md.
#   bash bench/projection-lag-builds.sh /tmp/previous-commit
# Settings (env): ROUNDS (2: ABBA; 1: AB), and bench/projection-lag.sh's (RUNS, WARMUP, DURATION, PRIME).
set -euo pipefail
cd "$(dirname "$0")/.."
OTHER=$(realpath "${1:?usage: bench/projection-lag-builds.sh OTHER_CHECKOUT}")
HERE=$PWD
OUT=bench/results/projection-lag-builds.md
PARTS=.run/projection-lag-builds.md
mkdir -p .run
[ -f "$OTHER/command-service/target/classpath.txt" ] && [ -f "$OTHER/data-tools/target/classes/io/badges/tools/KafkaRecordTimes.class" ] \
  || { echo "build $OTHER first (scripts/distributed-up.sh there; 077df22 or later)" >&2; exit 1; }
./mvnw -q -B -ntp -DskipTests -Dmaven.install.skip=true -pl command-service,query-service,data-tools,e2e-tests -am \
  package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt
ORDER=("$OTHER" "$HERE")
[ "${ROUNDS:-2}" = 1 ] || ORDER+=("$HERE" "$OTHER")
{
  echo "# Projection lag, two builds in turn"
  echo
  echo "$(date -u +%FT%TZ): A = $OTHER ($(git -C "$OTHER" log -1 --format=%h)), B = this checkout ($(git log -1 --format=%h)$(git diff --quiet HEAD || echo ', with uncommitted changes')),"
  echo "in the order $(for d in "${ORDER[@]}"; do [ "$d" = "$HERE" ] && printf 'B ' || printf 'A '; done)(\`bench/projection-lag-builds.sh\`, each a fresh stack: \`bench/projection-lag.sh\`)."
} > "$PARTS"
n=0
for dir in "${ORDER[@]}"; do
  n=$((n + 1))
  way=$([ "$dir" = "$HERE" ] && echo B || echo A)
  if [ "$dir" != "$HERE" ]; then
    mkdir -p "$dir/bench"
    cp bench/projection-lag.sh bench/stack-cost.py bench/lag-stages.py bench/gc-pauses.py "$dir/bench/"
    cp scripts/distributed-up.sh "$dir/scripts/"
  fi
  (cd "$dir" && SKIP_BUILD=1 COST=yes STAGES=yes GC=yes bash bench/projection-lag.sh)
  { echo; echo "## $n: $way"; echo; sed -n '/^| writes/,$p' "$dir/bench/results/projection-lag.md"; } >> "$PARTS"
done
cp "$PARTS" "$OUT"
cat "$OUT"
