package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its contract with the code is
 * checked instead: services, health checks, start order, ports and every variable name.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    /** The environment variables a service's configuration reads: ${NAME...} in its application*.yml. */
    private static Set<String> variablesReadBy(String module) throws IOException {
        Set<String> names = new HashSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
        try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("application")).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void hasTheInfrastructureAndBothServicesEachWithAHealthCheck() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services.keySet()).containsExactlyInAnyOrder(
                "postgres", "kafka", "redis", "command-service", "query-service-1", "query-service-2");
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void startsServicesOnlyAfterWhatTheyNeedIsHealthy() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, List<String>> needs = Map.of(
                "command-service", List.of("postgres", "kafka"),
                "query-service-1", List.of("postgres", "kafka", "redis", "command-service"),
                "query-service-2", List.of("postgres", "kafka", "redis", "command-service"));

        needs.forEach((service, dependencies) -> {
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) services.get(service).get("depends_on");
            assertThat(dependsOn.keySet()).as(service).containsExactlyInAnyOrderElementsOf(dependencies);
            dependsOn.values().forEach(c -> assertThat(c.get("condition")).isEqualTo("service_healthy"));
        });
    }

    @Test
    void passesOnlyVariablesTheServicesReadAndRunsThemDistributed() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, String> moduleOf = Map.of("command-service", "command-service",
                "query-service-1", "query-service", "query-service-2", "query-service");

        for (var entry : moduleOf.entrySet()) {
            Map<String, Object> env = environment(services.get(entry.getKey()));
            assertThat(variablesReadBy(entry.getValue())).as(entry.getKey()).containsAll(env.keySet());
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("distributed");
            assertThat(ROOT.resolve(entry.getValue()).resolve("src/main/resources/application-distributed.yml"))
                    .exists();
            assertThat(env.get("BADGES_KAFKA_BOOTSTRAP")).isEqualTo("kafka:9092");
        }
        assertThat(environment(services.get("command-service")).get("BADGES_DB_URL").toString())
                .startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(environment(services.get("query-service-1")).get("BADGES_QUERY_DB_URL").toString())
                .isEqualTo("jdbc:postgresql://postgres:5432/badges_query");
        assertThat(environment(services.get("query-service-2")).get("BADGES_REDIS_URL")).isEqualTo("redis://redis:6379");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesEachServiceOnTheContainerPortItListensOn() throws IOException {
        Map<String, Map<String, Object>> services = services();
        String commandYml = Files.readString(ROOT.resolve("command-service/src/main/resources/application.yml"));
        String queryYml = Files.readString(ROOT.resolve("query-service/src/main/resources/application.yml"));

        assertThat(commandYml).contains("port: ${COMMAND_PORT:8080}");
        assertThat(queryYml).contains("port: ${QUERY_PORT:8081}");
        assertThat(environment(services.get("command-service")).get("COMMAND_PORT")).isEqualTo(8080);
        assertThat((List<String>) services.get("command-service").get("ports")).containsExactly("8080:8080");
        assertThat(environment(services.get("query-service-1")).get("QUERY_PORT")).isEqualTo(8081);
        assertThat((List<String>) services.get("query-service-1").get("ports")).containsExactly("8081:8081");
        assertThat((List<String>) services.get("query-service-2").get("ports")).containsExactly("8082:8081");
    }

    @Test
    void takesSecretsFromTheUncommittedEnvFileWhoseExampleNamesThemAll() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        String example = Files.readString(ROOT.resolve(".env.example"));
        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
        Set<String> requiredNames = new HashSet<>();
        while (required.find()) {
            requiredNames.add(required.group(1));
        }

        assertThat(requiredNames).contains("POSTGRES_PASSWORD", "BADGES_API_KEYS", "BADGES_KEY_ENCRYPTION_KEY",
                "BADGES_RECIPIENT_LOOKUP_KEY");
        requiredNames.forEach(name -> assertThat(example).contains(name + "="));
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
        assertThat(compose).doesNotContainPattern("(PASSWORD|API_KEYS|ENCRYPTION_KEY): [^$\\s]");
    }

    @Test
    void buildsEachServiceFromItsOwnBootJar() throws IOException {
        for (String module : List.of("command-service", "query-service")) {
            String dockerfile = Files.readString(ROOT.resolve("docker/" + module + ".Dockerfile"));
            assertThat(dockerfile).contains("COPY " + module + "/target/" + module + "-*.jar app.jar")
                    .contains("extract --destination app --application-filename app.jar")
                    .contains("-XX:ArchiveClassesAtExit=app/app.jsa")
                    .contains("\"-XX:SharedArchiveFile=app/app.jsa\", \"-jar\", \"app/app.jar\"");
        }
        assertThat(ROOT.resolve("docker/postgres-init.sql")).content().contains("CREATE DATABASE badges_query");
    }
}
