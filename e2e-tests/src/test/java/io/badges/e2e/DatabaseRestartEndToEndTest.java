package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badges.testsupport.RestartablePostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under steady writes and reads: the services are not restarted, their pools
 * recover by themselves; while the database is away requests get 503 problem+json (never a stack
 * trace), every award acknowledged with 201 is kept and reaches the read model.
 */
class DatabaseRestartEndToEndTest {

    private static final String KEY = "restart-key";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private RestartablePostgres postgres;
    private final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (ServiceProcess process : processes) {
            process.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void thePoolsRecoverFromAPostgresRestartWithoutRestartingTheServices() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "e2e", "pg-restart-" + UUID.randomUUID()).toAbsolutePath());
        postgres = new RestartablePostgres("restart");
        Map<String, String> env = new HashMap<>(Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                "BADGES_DB_URL", postgres.newDatabase("restart_command"), "BADGES_DB_USER", "postgres",
                "BADGES_QUERY_DB_URL", postgres.newDatabase("restart_query"), "BADGES_QUERY_DB_USER", "postgres",
                "BADGES_API_KEYS", KEY, "BADGES_DATA_DIR", dir.toString()));
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        env.put("COMMAND_PORT", Integer.toString(commandPort));
        env.put("QUERY_PORT", Integer.toString(queryPort));
        ServiceProcess command = new ServiceProcess("command-service", commandPort, env, dir.resolve("command.log"))
                .start();
        processes.add(command);
        command.awaitUp(LIMIT);
        ServiceProcess query = new ServiceProcess("query-service", queryPort, env, dir.resolve("query.log")).start();
        processes.add(query);
        query.awaitUp(LIMIT);
        Api api = new Api(command.url(), query.url(), KEY);
        String badge = api.badgeClass(api.issuer("Restart Org"), "Restart badge");
        String known = api.award(badge, "known@example.org");
        await().atMost(LIMIT).until(() -> api.read("/api/v1/assertions/" + known) != null);

        AtomicBoolean running = new AtomicBoolean(true);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Integer> refused = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<?> writer = clients.submit(() -> {
            for (int i = 0; running.get(); i++) {
                HttpResponse<String> answer = api.post("/api/v1/assertions", "{\"badgeClassId\":\"" + badge
                        + "\",\"recipient\":{\"type\":\"email\",\"identity\":\"w" + i + "@example.org\"}}");
                classify(answer, acknowledged, refused, unexpected);
                Thread.sleep(20);
            }
            return null;
        });
        Future<?> reader = clients.submit(() -> {
            while (running.get()) {
                classify(api.get("/api/v1/badge-classes/" + badge + "/assertions?limit=5"), null, refused, unexpected);
                Thread.sleep(20);
            }
            return null;
        });
        await().atMost(LIMIT).until(() -> acknowledged.size() >= 20);

        postgres.stop();
        Thread.sleep(5_000);
        postgres.restart();
        int before = acknowledged.size();
        await().atMost(LIMIT).until(() -> acknowledged.size() >= before + 20);
        running.set(false);
        writer.get();
        reader.get();
        clients.shutdown();

        assertThat(unexpected).as("answers other than 2xx or 503 problem+json").isEmpty();
        System.out.printf("postgres restart: %d awards acknowledged, %d requests answered 503 while it was down%n",
                acknowledged.size(), refused.size());
        assertThat(command.isAlive()).isTrue();
        assertThat(query.isAlive()).isTrue();
        for (String id : acknowledged) {
            await().atMost(LIMIT).until(() -> api.read("/api/v1/assertions/" + id) != null);
        }
    }

    private static void classify(HttpResponse<String> answer, List<String> acknowledged, List<Integer> refused,
                                 List<String> unexpected) throws Exception {
        int status = answer.statusCode();
        if (status / 100 == 2) {
            if (acknowledged != null) {
                acknowledged.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body())
                        .get("id").asText());
            }
        } else if (status == 503 && answer.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json") && !answer.body().contains("Exception")) {
            refused.add(status);
        } else {
            unexpected.add(status + " " + answer.body());
        }
    }
}
