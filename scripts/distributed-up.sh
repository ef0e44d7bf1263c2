#!/usr/bin/env bash
# Starts the whole distributed mode on one box, without Docker:
#   - a Kafka broker process (KRaft, single node) from the Maven Central jars (kafka.Kafka),
#   - PostgreSQL and Redis of this machine (127.0.0.1:5432 as user postgres, 127.0.0.1:6379),
#   - the command service and two query services on distinct ports.
# Everything it starts writes its pid and log under .run/; scripts/distributed-down.sh stops it.
# Settings (env): COMMAND_PORT (8080), QUERY_PORTS ("8081 8082"; "" for none), KAFKA_PORT (9092),
# PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres), DB_NAME/QUERY_DB_NAME (badges/badges_query),
# BADGES_REDIS_URL (redis://127.0.0.1:6379), COMMAND_JAVA_OPTS / QUERY_JAVA_OPTS (extra JVM options, such
# as -Daxon.eventhandling.processors.read-model.batch-size=50), KAFKA_JAVA_OPTS (the broker's JVM options,
# "-Xmx512m"), ALL_JAVA_OPTS (options for every JVM this starts, such as a GC log), BADGES_API_KEYS (a generated key), SKIP_BUILD (set: use the
# jars and class paths of the last build). The build packages (never installs into ~/.m2) and writes
# each module's class path to <module>/target/classpath.txt (Kafka's from e2e-tests, the tools' from
# data-tools).
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=.run
mkdir -p "$RUN"

COMMAND_PORT=${COMMAND_PORT:-8080}
QUERY_PORTS=${QUERY_PORTS-"8081 8082"}  # "" starts none
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DB_NAME=${DB_NAME:-badges}; QUERY_DB_NAME=${QUERY_DB_NAME:-badges_query}
export PGHOST PGPORT PGUSER

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building the services and the Kafka class path ..."
  # a relative outputFile is resolved against each module's directory
  ./mvnw -q -B -ntp -DskipTests -Dmaven.install.skip=true -pl command-service,query-service,data-tools,e2e-tests -am \
    package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt
fi
cp e2e-tests/target/classpath.txt "$RUN/kafka.classpath"
# started as ./run starts them: unpacked, with a class-data-sharing archive (scripts/launch.sh)
source scripts/jvm-options.sh
source scripts/launch.sh
COMMAND_ARGS=$(launch_args command-service)
QUERY_ARGS=$(launch_args query-service)

wait_for() { # url, name, pid
  for _ in $(seq 1 180); do
    if curl -fsS "$1" >/dev/null 2>&1; then echo "$2 is UP"; return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "$2 exited; see $RUN/$2.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$2 did not come up; see $RUN/$2.log" >&2; exit 1
}

# --- Kafka -------------------------------------------------------------------------------
if [ ! -f "$RUN/kafka.pid" ] || ! kill -0 "$(cat "$RUN/kafka.pid")" 2>/dev/null; then
  mkdir -p "$RUN/kafka"
  cat > "$RUN/kafka/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$PWD/$RUN/kafka/data
num.partitions=4
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  cat > "$RUN/kafka/log4j.properties" <<'PROPS'
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS
  KAFKA=(java ${KAFKA_JAVA_OPTS:--Xmx512m} ${ALL_JAVA_OPTS:-} "-Dlog4j.configuration=file:$PWD/$RUN/kafka/log4j.properties" -cp "$(cat "$RUN/kafka.classpath")")
  if [ ! -f "$RUN/kafka/data/meta.properties" ]; then
    "${KAFKA[@]}" kafka.tools.StorageTool format -t "$("${KAFKA[@]}" kafka.tools.StorageTool random-uuid)" \
      -c "$RUN/kafka/server.properties" > "$RUN/kafka.log" 2>&1
  fi
  nohup "${KAFKA[@]}" kafka.Kafka "$RUN/kafka/server.properties" >> "$RUN/kafka.log" 2>&1 &
  echo $! > "$RUN/kafka.pid"
  for _ in $(seq 1 120); do (echo > /dev/tcp/127.0.0.1/"$KAFKA_PORT") 2>/dev/null && break; sleep 0.5; done
  echo "kafka is listening on 127.0.0.1:$KAFKA_PORT"
fi

# --- PostgreSQL and Redis of this machine --------------------------------------------------
for db in "$DB_NAME" "$QUERY_DB_NAME"; do
  psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" postgres | grep -q 1 || psql -qc "CREATE DATABASE $db" postgres
done
export BADGES_REDIS_URL=${BADGES_REDIS_URL:-redis://127.0.0.1:6379}
REDIS_ADDRESS=${BADGES_REDIS_URL#redis://}; REDIS_ADDRESS=${REDIS_ADDRESS%%/*}
(echo > "/dev/tcp/${REDIS_ADDRESS%:*}/${REDIS_ADDRESS##*:}") 2>/dev/null && echo "redis is listening on $REDIS_ADDRESS" \
  || echo "note: no redis on $REDIS_ADDRESS: the query services serve from the database until it is there"

# --- the services --------------------------------------------------------------------------
if [ -z "${BADGES_API_KEYS:-}" ]; then
  [ -f "$RUN/api-key" ] || head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$RUN/api-key"
  BADGES_API_KEYS=$(cat "$RUN/api-key")
fi
# one recipient lookup key for every service (each has its own data directory)
if [ -z "${BADGES_RECIPIENT_LOOKUP_KEY:-}" ]; then
  [ -f "$RUN/recipient-lookup-key" ] || head -c 32 /dev/urandom | base64 > "$RUN/recipient-lookup-key"
  BADGES_RECIPIENT_LOOKUP_KEY=$(cat "$RUN/recipient-lookup-key")
fi
export BADGES_API_KEYS BADGES_RECIPIENT_LOOKUP_KEY AXONIQ_UPDATE_CHECKER_DISABLED=true
export BADGES_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
export BADGES_PUBLIC_BASE_URL=${BADGES_PUBLIC_BASE_URL:-http://127.0.0.1:${QUERY_PORTS%% *}}
export SPRING_PROFILES_ACTIVE=distributed

BADGES_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME" BADGES_DB_USER=$PGUSER BADGES_DATA_DIR=$RUN/command-data \
  COMMAND_PORT=$COMMAND_PORT nohup "$LAUNCH_JAVA" -Xmx384m ${COMMAND_JAVA_OPTS:-} ${ALL_JAVA_OPTS:-} $COMMAND_ARGS > "$RUN/command-service.log" 2>&1 &
echo $! > "$RUN/command-service.pid"

for port in $QUERY_PORTS; do
  BADGES_QUERY_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$QUERY_DB_NAME" BADGES_QUERY_DB_USER=$PGUSER \
    BADGES_DATA_DIR=$RUN/query-data-$port QUERY_PORT=$port \
    nohup "$LAUNCH_JAVA" -Xmx384m ${QUERY_JAVA_OPTS:-} ${ALL_JAVA_OPTS:-} $QUERY_ARGS > "$RUN/query-service-$port.log" 2>&1 &
  echo $! > "$RUN/query-service-$port.pid"
done

wait_for "http://127.0.0.1:$COMMAND_PORT/actuator/health" command-service "$(cat "$RUN/command-service.pid")"
for port in $QUERY_PORTS; do
  wait_for "http://127.0.0.1:$port/actuator/health" "query-service-$port" "$(cat "$RUN/query-service-$port.pid")"
done
echo
echo "write API : http://127.0.0.1:$COMMAND_PORT   (Authorization: Bearer $BADGES_API_KEYS)"
echo "read APIs : $(for p in $QUERY_PORTS; do printf 'http://127.0.0.1:%s ' "$p"; done)"
echo "kafka     : 127.0.0.1:$KAFKA_PORT, topic badges.events.v1"
echo "stop with : scripts/distributed-down.sh"
