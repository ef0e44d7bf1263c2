# How both services are launched from a build (sourced by ./run, scripts/distributed-up.sh and the
# start-up benchmarks; docs/operations.md, "Start-up"). Source scripts/jvm-options.sh first.
#
#   "$LAUNCH_JAVA" $COMMAND_JVM_OPTIONS $(launch_args command-service)
#
# LAUNCH_JAVA is the JVM that runs the services: BADGES_JAVA if set, otherwise `java` on the PATH. The code
# is compiled for Java 17 and runs on 17 or later. On JDK 25 or later a service starts in about three
# quarters of the time, from an AOT cache (JEP 483, 514, 515), but on this project's 2-core machine JDK 25
# served bench/hot-path.sh's cached reads about 0.75x as fast as JDK 17 and held more memory idle
# (docs/benchmarks.md, "Footprint, start-up"), so it is a choice
# (BADGES_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), not the default.
#
# launch_args SERVICE prints the java arguments that start SERVICE from its boot jar unpacked into
# SERVICE/target/app/ (app.jar plus lib/: classes load from plain jars, not from jars nested in a jar)
# with an archive of the classes a start loads, made for LAUNCH_JAVA: on JDK 25 or later an AOT cache
# (classes parsed, verified and linked, and the methods' profiles), before that an application
# class-data-sharing archive. The unpacking is made once per build, the archive once per build and JDK,
# both on first use, the archive by a training run that stops once the context is refreshed
# (spring.context.exit), against an empty data directory of its own under target/. A JVM that cannot use
# the archive says so and starts without it.

java_major() { # java -> its major version (17, 25, ...)
  "$1" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'
}

LAUNCH_JAVA=${BADGES_JAVA:-java}
LAUNCH_JAVA_MAJOR=$(java_major "$LAUNCH_JAVA")

launch_args() {
  local service=$1 jar dir jdk archive use train options
  jar=$(ls "$PWD/$service"/target/"$service"-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1)
  [ -f "$jar" ] || { echo "launch: no boot jar under $service/target (build first)" >&2; return 1; }
  dir=$PWD/$service/target/app
  if [ "$(cat "$dir/made-from" 2>/dev/null)" != "$(stat -c '%Y %s' "$jar")" ]; then  # a new build: again
    rm -rf "$dir"
    "$LAUNCH_JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir" --application-filename app.jar >/dev/null
    stat -c '%Y %s' "$jar" > "$dir/made-from"
  fi
  jdk=$("$LAUNCH_JAVA" -version 2>&1 | cksum | cut -d ' ' -f 1)  # an archive is good for one JDK build only
  if [ "${LAUNCH_JAVA_MAJOR:-0}" -ge 25 ]; then
    archive=$dir/app-$jdk.aot
    # SQLite's driver loads its native library; a JVM option that differs from the training's voids the cache
    train="--enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=$archive"
    use="--enable-native-access=ALL-UNNAMED -XX:AOTCache=$archive"
  else
    archive=$dir/app-$jdk.jsa
    train="-XX:ArchiveClassesAtExit=$archive" use="-XX:SharedArchiveFile=$archive"
  fi
  if [ ! -f "$archive" ]; then
    options=$COMMAND_JVM_OPTIONS; [ "$service" = query-service ] && options=$QUERY_JVM_OPTIONS
    rm -rf "$dir/training"; mkdir -p "$dir/training"
    echo "launch: training the class archive of $service for $("$LAUNCH_JAVA" -version 2>&1 | head -n 1) (once per build)" >&2
    BADGES_DATA_DIR=$dir/training SPRING_PROFILES_ACTIVE= AXONIQ_UPDATE_CHECKER_DISABLED=true \
      "$LAUNCH_JAVA" $options $train -Dspring.context.exit=onRefresh -jar "$dir/app.jar" \
      > "$dir/training.log" 2>&1 || echo "launch: training failed (see $dir/training.log); starting without the archive" >&2
    rm -rf "$dir/training"
  fi
  if [ -f "$archive" ]; then
    echo "$use -jar $dir/app.jar"
  else
    echo "-jar $dir/app.jar"
  fi
}
