package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while 20 connections award badges and 100 read them (issue #19's scenario): no reader and no
 * writer is ever answered with a 5xx; every request the command service answers is a 201 and
 * kept, none is answered with an error (no 5xx, nor the 400 Tomcat gives at the instant it pauses: see
 * ShutdownDrain); once its listener is closed a client is refused the connection, never answered. The
 * query service, stopped mid-stream the same way, serves readers with 200 while its readiness reports
 * DOWN, until its listener closes, and has committed exactly the rows of the events up to its token,
 * so nothing is projected twice when it resumes.
 */
class GracefulShutdownEndToEndTest {

    private static final String KEY = "shutdown-key";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int CONNECTIONS = 20;
    private static final int READERS = 100;

    private Path dir;
    private final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (ServiceProcess process : processes) {
            process.close();
        }
    }

    private ServiceProcess start(String module, int port, Map<String, String> env) throws Exception {
        ServiceProcess process = new ServiceProcess(module, port, env, dir.resolve(module + "-" + processes.size()
                + ".log")).start();
        processes.add(process);
        process.awaitUp(LIMIT);
        return process;
    }

    @Test
    void sigtermUnderLoadLosesNoAcceptedRequestAndCommitsTheProjectionToken() throws Exception {
        dir = Files.createDirectories(Path.of("target", "e2e", "shutdown-" + UUID.randomUUID()).toAbsolutePath());
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        Map<String, String> env = Map.of("BADGES_DATA_DIR", dir.toString(), "BADGES_API_KEYS", KEY,
                "COMMAND_PORT", Integer.toString(commandPort), "QUERY_PORT", Integer.toString(queryPort),
                "BADGES_RATE_LIMIT_PER_SECOND", "0");
        ServiceProcess command = start("command-service", commandPort, env);
        ServiceProcess query = start("query-service", queryPort, env);
        Api api = new Api(command.url(), query.url(), KEY);
        String badge = api.badgeClass(api.issuer("Shutdown Org"), "Shutdown badge");

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> unanswered = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int client = c;
            loops.add(clients.submit(() -> {
                for (int i = 0; ; i++) {
                    HttpRequest award = HttpRequest.newBuilder(URI.create(command.url() + "/api/v1/assertions"))
                            .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                            .header("Idempotency-Key", "c" + client + "-" + i)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"badgeClassId\":\"" + badge
                                    + "\",\"recipient\":{\"type\":\"email\",\"identity\":\"c" + client + "-" + i
                                    + "@example.org\"}}")).build();
                    try {
                        HttpResponse<String> response = http.send(award, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            accepted.add(new ObjectMapper().readTree(response.body()).get("id").asText());
                        } else {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (ConnectException closed) {
                        return null;  // the listener is closed: the request was never accepted
                    } catch (IOException e) {
                        // no answer: a failure only if the service had accepted (stored) it, checked below
                        unanswered.put("c" + client + "-" + i, e.getClass().getSimpleName() + ": " + e.getMessage());
                        return null;
                    }
                }
            }));
        }
        await().atMost(LIMIT).until(() -> accepted.size() >= 50);
        // 100 readers of the awards already made, from now until the query service has stopped
        List<Integer> readerErrors = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean readersStop = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService readerPool = Executors.newFixedThreadPool(READERS);
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            readerPool.submit(() -> {
                for (int i = reader; !readersStop.get(); i++) {
                    String id = accepted.get(i % Math.min(accepted.size(), 50));
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create(query.url() + "/api/v1/assertions/"
                                + id)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        reads.incrementAndGet();
                        if (status >= 500) {
                            readerErrors.add(status);
                        }
                    } catch (IOException refused) {
                        Thread.sleep(10);  // the query service's listener is closed (or not yet back): no answer
                    }
                }
                return null;
            });
        }
        await().atMost(LIMIT).until(() -> accepted.size() >= 300);

        int commandExit = command.terminate(Duration.ofSeconds(40));
        // The query service drains too: readers get 200 while readiness turns DOWN, then no listener.
        CompletableFuture<Integer> queryStopping = CompletableFuture.supplyAsync(() -> {
            try {
                return query.terminate(Duration.ofSeconds(40));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Integer> readerAnswers = new ArrayList<>();
        List<Integer> readiness = new ArrayList<>();
        while (!queryStopping.isDone()) {
            try {
                readerAnswers.add(http.send(HttpRequest.newBuilder(
                        URI.create(query.url() + "/api/v1/badge-classes/" + badge)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                readiness.add(http.send(HttpRequest.newBuilder(
                        URI.create(query.url() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException closed) {
                break;  // the listener is gone
            }
        }
        int queryExit = queryStopping.get(60, TimeUnit.SECONDS);
        readersStop.set(true);
        readerPool.shutdown();
        assertThat(readerPool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reads.get()).as("reads by the 100 readers").isPositive();
        assertThat(readerErrors).as("5xx answers to the 100 readers").isEmpty();
        assertThat(readerAnswers).as("reads during the query service's shutdown").isNotEmpty().containsOnly(200);
        assertThat(readiness).as("readiness while the reads were still served").contains(503);
        for (Future<?> loop : loops) {
            loop.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(failures).as("requests answered with an error").isEmpty();
        Set<String> storedKeys = new HashSet<>(column(dir.resolve("command.db"), "SELECT idem_key FROM idempotency_key"));
        assertThat(unanswered.keySet().stream().filter(storedKeys::contains).toList())
                .as("requests accepted (stored) but never answered: %s", unanswered).isEmpty();
        System.out.printf("accepted %d awards, %d unanswered and not stored, %d reads by 100 readers, %d reads "
                + "served during the query service's shutdown; exit codes command=%d query=%d%n", accepted.size(),
                unanswered.size(), reads.get(), readerAnswers.size(), commandExit, queryExit);
        Set<String> stored = new HashSet<>(column(dir.resolve("command.db"), "SELECT id FROM assertion"));
        assertThat(stored).containsAll(accepted);

        long token = token();
        long eventsUpToToken = column(dir.resolve("command.db"),
                "SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE '%AssertionIssued' "
                        + "AND global_index <= " + token).size();
        assertThat(column(dir.resolve("query.db"), "SELECT id FROM assertion_view"))
                .as("rows committed with the token: exactly the awards up to global index %d", token)
                .hasSize((int) eventsUpToToken);

        ServiceProcess again = start("command-service", commandPort, env);
        start("query-service", queryPort, env);
        Api after = new Api(again.url(), "http://127.0.0.1:" + queryPort, KEY);
        await().atMost(LIMIT).until(() -> column(dir.resolve("query.db"), "SELECT id FROM assertion_view").size()
                == stored.size());
        assertThat(after.read("/api/v1/assertions/" + accepted.get(accepted.size() - 1))).isNotNull();
    }

    private long token() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("query.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT token FROM projection_token_entry WHERE processor_name = 'read-model'")) {
            return rs.next() && rs.getBytes(1) != null
                    ? new ObjectMapper().readTree(rs.getBytes(1)).get("index").asLong() : -1;
        }
    }

    private static List<String> column(Path db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
