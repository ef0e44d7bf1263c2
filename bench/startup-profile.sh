#!/usr/bin/env bash
# Where a service's start-up goes (issue #21): starts SERVICE (command-service or query-service) as
# ./run starts it (scripts/launch.sh), STARTS times each way, on a new data directory each time (the
# query service on a copy of a command service's new data), and prints, side by side in one run:
#   - seconds from `java` to /actuator/health UP, and the CPU seconds each JVM thread used until then
#     (from /proc: the main thread, the C1 and C2 compiler threads, the collector in the VM thread);
#   - the same with -XX:TieredStopAtLevel=1 (C1 only), to show what the C2 compiler costs a start.
#   - and any other JVM options to try, as further WAYS entries name=options (options without spaces,
#     comma-separated), e.g. WAYS="tiered c1 lazy=-Dspring.main.lazy-initialization=true".
#   - on each JVM of JAVAS (default: the one scripts/launch.sh picks), each with its own archive, e.g.
#     JAVAS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" (JDK 17's CDS archive against JDK 25's AOT cache).
# The starts alternate: round 1 of every JVM and way, then round 2, ...
# Settings (env): STARTS (3), WAYS ("tiered c1"), JAVAS. Output: bench/results/startup-<service>.md
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICE=${1:-command-service}; STARTS=${STARTS:-3}; WAYS=${WAYS:-tiered c1}
DIR=$PWD/target/bench/startup-$SERVICE
OUT=bench/results/startup-$SERVICE.md
source scripts/jvm-options.sh
source scripts/launch.sh
jar() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1; }
[ -f "$(jar command-service)" ] && [ -f "$(jar query-service)" ] || ./mvnw -q -B -ntp -DskipTests package -pl command-service,query-service -am
JAVAS=${JAVAS:-$LAUNCH_JAVA}
declare -A ARGS
for j in $JAVAS; do  # each JVM's archive, made before anything is timed
  LAUNCH_JAVA=$j LAUNCH_JAVA_MAJOR=$(java_major "$j")
  ARGS[$j]=$(launch_args "$SERVICE")
  case ${ARGS[$j]} in  # a JVM that cannot use its archive fails instead of starting slowly without it
    *-XX:AOTCache=*) ARGS[$j]="-XX:AOTMode=on ${ARGS[$j]}" ;;
    *-XX:SharedArchiveFile=*) ARGS[$j]="-Xshare:on ${ARGS[$j]}" ;;
  esac
done
COMMAND_ARGS=$(launch_args command-service)  # the seed's, on the last JVM of JAVAS
OPTIONS=$COMMAND_JVM_OPTIONS; PORT=9771
[ "$SERVICE" = query-service ] && { OPTIONS=$QUERY_JVM_OPTIONS; PORT=9772; }
export COMMAND_PORT=9771 QUERY_PORT=9772 AXONIQ_UPDATE_CHECKER_DISABLED=true BADGES_API_KEYS=bench-key
rm -rf "$DIR"; mkdir -p "$DIR" bench/results
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null || true' EXIT

up() { # port pid
  until curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null; do kill -0 "$2"; sleep 0.02; done
}
seed() { # a command service's new data directory, for the query service to tail
  mkdir -p "$DIR/seed"
  BADGES_DATA_DIR=$DIR/seed "$LAUNCH_JAVA" $COMMAND_JVM_OPTIONS $COMMAND_ARGS > "$DIR/seed.log" 2>&1 & PID=$!
  up 9771 $PID; kill $PID; wait $PID 2>/dev/null || true; PID=
}
cpu() { # pid pattern -> CPU seconds of the threads whose name matches
  local t sum=0
  for t in /proc/"$1"/task/*; do
    if grep -qE "$2" "$t/comm"; then
      # utime and stime: the 12th and 13th fields after the ")" that ends the thread's name
      sum=$((sum + $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')))
    fi
  done
  awk -v s=$sum 'BEGIN{printf "%.1f", s / 100}'
}
[ "$SERVICE" = query-service ] && seed

rows=()
for i in $(seq 1 "$STARTS"); do
  for j in $JAVAS; do
    jdk=$(java_major "$j")
    for entry in $WAYS; do
      way=${entry%%=*} extra=
      [ "$entry" != "$way" ] && extra=${entry#*=} && extra=${extra//,/ }
      [ "$way" = c1 ] && extra=-XX:TieredStopAtLevel=1
      data=$DIR/$way-$jdk-$i; mkdir -p "$data"
      [ "$SERVICE" = query-service ] && cp -r "$DIR/seed/." "$data/"
      t0=$(date +%s.%N)
      BADGES_DATA_DIR=$data "$j" $OPTIONS $extra ${ARGS[$j]} > "$DIR/$way-$jdk-$i.log" 2>&1 & PID=$!
      up $PORT $PID
      took=$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN{printf "%.1f", a-b}')
      rows+=("| $way | $jdk | $i | $took | $(cpu $PID '^java$') | $(cpu $PID '^C2 Compiler') | $(cpu $PID '^C1 Compiler') | $(cpu $PID '^VM Thread') | $(cpu $PID '.') |")
      kill $PID; wait $PID 2>/dev/null || true; PID=
    done
  done
done

{
  echo "# Start-up of the $SERVICE, where the CPU goes"
  echo
  echo "$(date -u +%FT%TZ), $(nproc) cores, new install, started as ./run starts it,"
  for j in $JAVAS; do echo "JDK $(java_major "$j"): $("$j" -version 2>&1 | head -n 1): \`$OPTIONS ${ARGS[$j]}\`"; echo; done
  echo "\`JAVAS=\"$JAVAS\" WAYS=\"$WAYS\" STARTS=$STARTS bench/startup-profile.sh $SERVICE\`. CPU seconds per thread until healthy."
  echo
  echo "| way | JDK | start | healthy after (s) | main thread | C2 | C1 | VM thread (collector) | all threads |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
} > "$OUT"
cat "$OUT"
