# Runs the boot jar built by ./mvnw -DskipTests package (not built here: no Docker engine on the dev machines),
# as ./run does (scripts/launch.sh): unpacked, with a class-data-sharing archive made by a training start
# that stops once the context is refreshed (docs/operations.md, "Start-up"). The images run a profile
# (docker-compose.yml: distributed), so they start the plain way, not from the AOT-generated definitions,
# and the training does too.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home badges
USER badges
WORKDIR /home/badges
COPY query-service/target/query-service-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --destination app --application-filename app.jar && rm app.jar \
    && BADGES_DATA_DIR=/tmp/training BADGES_SPRING_AOT=false AXONIQ_UPDATE_CHECKER_DISABLED=true java -XX:ArchiveClassesAtExit=app/app.jsa \
       -Dspring.context.exit=onRefresh -jar app/app.jar && rm -rf /tmp/training
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true BADGES_DATA_DIR=/home/badges/data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=app/app.jsa", "-jar", "app/app.jar"]
