# How both services are launched from a build (sourced by ./run, scripts/distributed-up.sh and the
# start-up benchmarks; docs/operations.md, "Start-up"). Source scripts/jvm-options.sh first.
#
#   java $COMMAND_JVM_OPTIONS $(launch_args command-service)
#
# launch_args SERVICE prints the java arguments that start SERVICE from its boot jar unpacked into
# SERVICE/target/app/ (app.jar plus lib/: classes load from plain jars, not from jars nested in a jar)
# with an application class-data-sharing archive (app.jsa: the classes of a start, already parsed and
# verified). Both are made once per build, on first use: the unpacking with Spring Boot's jar tools,
# the archive by a training run that stops once the context is refreshed (spring.context.exit), against
# an empty data directory of its own under target/. A JVM that cannot use the archive (another JDK, other
# options) says so and starts without it.

launch_args() {
  local service=$1 jar dir stamp options
  jar=$(ls "$PWD/$service"/target/"$service"-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1)
  [ -f "$jar" ] || { echo "launch: no boot jar under $service/target (build first)" >&2; return 1; }
  dir=$PWD/$service/target/app
  stamp="$(stat -c '%Y %s' "$jar") $(java -version 2>&1 | head -n 1)"  # a new build or another JDK: again
  if [ "$(cat "$dir/made-from" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" --application-filename app.jar >/dev/null
    echo "$stamp" > "$dir/made-from"
  fi
  if [ ! -f "$dir/app.jsa" ]; then
    options=$COMMAND_JVM_OPTIONS; [ "$service" = query-service ] && options=$QUERY_JVM_OPTIONS
    rm -rf "$dir/training"; mkdir -p "$dir/training"
    echo "launch: training the class-data-sharing archive of $service (once per build)" >&2
    BADGES_DATA_DIR=$dir/training SPRING_PROFILES_ACTIVE= AXONIQ_UPDATE_CHECKER_DISABLED=true \
      java $options -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "$dir/app.jar" \
      > "$dir/training.log" 2>&1 || echo "launch: training failed (see $dir/training.log); starting without the archive" >&2
    rm -rf "$dir/training"
  fi
  if [ -f "$dir/app.jsa" ]; then
    echo "-XX:SharedArchiveFile=$dir/app.jsa -jar $dir/app.jar"
  else
    echo "-jar $dir/app.jar"
  fi
}
