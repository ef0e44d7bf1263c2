# Runs the boot jar built by ./mvnw -DskipTests package (not built here: no Docker engine on the dev machines).
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home badges
USER badges
WORKDIR /home/badges
COPY command-service/target/command-service-*.jar app.jar
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true BADGES_DATA_DIR=/home/badges/data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
