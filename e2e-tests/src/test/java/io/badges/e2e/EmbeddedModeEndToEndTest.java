package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both boot jars as real processes in the embedded default (SQLite files under one data directory),
 * configured only through the environment variables of api.md.
 */
class EmbeddedModeEndToEndTest {

    private static final String KEY = "e2e-key";
    private static final Duration GENEROUS = Duration.ofSeconds(90);

    private Path dataDir;
    private ServiceProcess command;
    private ServiceProcess query;
    private Api api;

    @BeforeEach
    void start() throws Exception {
        dataDir = Files.createDirectories(Path.of("target", "e2e", UUID.randomUUID().toString()).toAbsolutePath());
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        command = new ServiceProcess("command-service", commandPort, env(commandPort, queryPort),
                dataDir.resolve("command.log")).start();
        query = newQueryService(commandPort, queryPort).start();
        System.out.printf("command-service UP after %d ms%n", command.awaitUp(GENEROUS).toMillis());
        System.out.printf("query-service UP after %d ms%n", query.awaitUp(GENEROUS).toMillis());
        api = new Api(command.url(), query.url(), KEY);
    }

    private ServiceProcess newQueryService(int commandPort, int queryPort) {
        return new ServiceProcess("query-service", queryPort, env(commandPort, queryPort),
                dataDir.resolve("query.log"));
    }

    private Map<String, String> env(int commandPort, int queryPort) {
        return Map.of(
                "COMMAND_PORT", Integer.toString(commandPort),
                "QUERY_PORT", Integer.toString(queryPort),
                "BADGES_DATA_DIR", dataDir.toString(),
                "BADGES_API_KEYS", "other-key," + KEY,
                "BADGES_PUBLIC_BASE_URL", "https://badges.example.test");
    }

    @AfterEach
    void stop() throws Exception {
        if (query != null) {
            query.close();
        }
        if (command != null) {
            command.close();
        }
    }

    @Test
    void quickstartAwardIsReadableAndItsRevocationVisible() throws Exception {
        String issuer = api.issuer("Quickstart Org");
        String badge = api.badgeClass(issuer, "First badge");
        String assertion = api.award(badge, "alice@example.org");

        long awarded = System.nanoTime();
        JsonNode view = awaitRead("/api/v1/assertions/" + assertion, node -> true);
        System.out.printf("award visible after %d ms%n", (System.nanoTime() - awarded) / 1_000_000);
        assertThat(view.get("badgeClass").get("name").asText()).isEqualTo("First badge");
        assertThat(view.get("issuer").get("name").asText()).isEqualTo("Quickstart Org");
        assertThat(view.get("revoked").asBoolean()).isFalse();

        api.revoke(assertion, "issued by mistake");
        long revoked = System.nanoTime();
        JsonNode after = awaitRead("/api/v1/assertions/" + assertion, node -> node.get("revoked").asBoolean());
        System.out.printf("revocation visible after %d ms%n", (System.nanoTime() - revoked) / 1_000_000);
        assertThat(after.get("revocationReason").asText()).isEqualTo("issued by mistake");
    }

    @Test
    void findsEveryAwardOfARecipientByAddressWithoutStoringIt() throws Exception {
        String issuer = api.issuer("Lookup Org");
        String badge = api.badgeClass(issuer, "Lookup badge");
        java.util.Set<String> carols = new java.util.HashSet<>();
        carols.add(api.award(badge, "carol@example.org"));
        carols.add(api.award(badge, "Carol@Example.org"));
        carols.add(api.award(api.badgeClass(issuer, "Another badge"), "carol@example.ORG"));
        String dave = api.award(badge, "dave@example.org");
        awaitRead("/api/v1/assertions/" + dave, node -> true);

        JsonNode page = api.read("/api/v1/assertions?recipient=CAROL@example.org&limit=2");
        JsonNode rest = api.read("/api/v1/assertions?recipient=carol@example.org&limit=2&cursor="
                + page.get("nextCursor").asText());

        java.util.Set<String> found = new java.util.HashSet<>();
        page.get("items").forEach(item -> found.add(item.get("id").asText()));
        rest.get("items").forEach(item -> found.add(item.get("id").asText()));
        assertThat(found).isEqualTo(carols);
        assertThat(rest.hasNonNull("nextCursor")).isFalse();
        assertThat(api.read("/api/v1/assertions?recipient=nobody@example.org").get("items")).isEmpty();
        for (String db : List.of("command.db", "query.db")) {
            assertThat(new String(Files.readAllBytes(dataDir.resolve(db)), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(db).doesNotContainIgnoringCase("carol@example");
        }
    }

    @Test
    void healthMetricsAndCorsDescribeTheServiceAndNoLogHoldsAKeyOrAnEmail() throws Exception {
        String issuer = api.issuer("Ops Org");
        String badge = api.badgeClass(issuer, "Ops badge");
        String id = api.award(badge, "secret.person@example.org");
        awaitRead("/api/v1/assertions/" + id, view -> true);
        api.get("/api/v1/assertions/" + id + "/verify?recipient=secret.person@example.org");
        api.get("/api/v1/assertions?recipient=secret.person@example.org");

        var http = java.net.http.HttpClient.newHttpClient();
        var readiness = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(query.url() + "/actuator/health/readiness")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode projection = new ObjectMapper().readTree(readiness.body()).path("components").path("projection");
        assertThat(projection.path("status").asText()).isEqualTo("UP");
        assertThat(projection.path("details").path("lagEvents").asLong()).isLessThanOrEqualTo(1000);

        String metrics = api.get("/actuator/prometheus").body();
        assertThat(metrics).contains("badges_processor_lag_events{processor=\"read-model\"}",
                "badges_cache_requests_total{cache=\"assertion\"", "hikaricp_connections_active",
                "http_server_requests_seconds_bucket");
        String commandMetrics = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(command.url() + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(commandMetrics).contains("hikaricp_connections_active", "http_server_requests_seconds_bucket");

        var cors = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(query.url() + "/api/v1/assertions/" + id))
                .header("Origin", "https://wallet.example").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).contains("https://wallet.example");

        query.close();
        command.close();
        for (String log : List.of("command.log", "query.log")) {
            String text = Files.readString(dataDir.resolve(log));
            assertThat(text).as(log).isNotEmpty()
                    // the embedded default starts from the bean definitions generated at build time
                    .contains("Starting AOT-processed")
                    .doesNotContain(KEY)
                    .doesNotContain("other-key")
                    .doesNotContainIgnoringCase("secret.person@example.org");
        }
        query = null;
        command = null;
    }

    @Test
    void queryServiceKilledMidStreamResumesFromItsTokenAndConverges() throws Exception {
        String issuer = api.issuer("Burst Org");
        String badge = api.badgeClass(issuer, "Burst badge");
        List<String> awarded = java.util.Collections.synchronizedList(new ArrayList<>());
        var writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        var burst = writer.submit(() -> {
            for (int i = 0; i < 300; i++) {
                awarded.add(api.award(badge, "burst" + i + "@example.org"));
                if (i % 3 == 0 && i >= 100) {
                    api.revoke(awarded.get(i - 100), "bulk correction");
                }
            }
            return null;
        });
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(10)).until(() -> projectedRows() >= 30);

        query.kill();
        long tokenAtKill = tokenIndex();
        burst.get();
        writer.shutdown();
        long head = lastGlobalIndex();
        System.out.printf("killed at token %d of %d events%n", tokenAtKill, head);
        assertThat(tokenAtKill).as("killed before the stream was fully projected").isLessThan(head);

        query = newQueryService(command.port(), query.port()).start();
        query.awaitUp(GENEROUS);
        await().atMost(GENEROUS).until(() -> tokenIndex() == head);

        assertThat(readModel()).isEqualTo(writeModel());
        assertThat(readModel()).hasSize(awarded.size());
        JsonNode last = api.read("/api/v1/assertions/" + awarded.get(awarded.size() - 1));
        assertThat(last).isNotNull();
    }

    private JsonNode awaitRead(String path, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            found[0] = api.read(path);
            return found[0] != null && condition.test(found[0]);
        });
        return found[0];
    }

    private long projectedRows() throws Exception {
        return single(dataDir.resolve("query.db"), "SELECT count(*) FROM assertion_view");
    }

    private long lastGlobalIndex() throws Exception {
        return single(dataDir.resolve("command.db"), "SELECT max(global_index) FROM domain_event_entry");
    }

    /** The projection's committed position, read from the query database itself. */
    private long tokenIndex() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("query.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT token FROM projection_token_entry WHERE processor_name = 'read-model'")) {
            if (!rs.next() || rs.getBytes(1) == null) {
                return -1;
            }
            return new ObjectMapper().readTree(rs.getBytes(1)).get("index").asLong();
        }
    }

    /** assertion id -> (revoked, aggregate sequence of its last event) on the write side. */
    private Map<String, String> writeModel() throws Exception {
        return rows(dataDir.resolve("command.db"), """
                SELECT a.id, a.revoked, (SELECT max(sequence_number) FROM domain_event_entry e
                                          WHERE e.aggregate_identifier = a.id)
                FROM assertion a""");
    }

    private Map<String, String> readModel() throws Exception {
        return rows(dataDir.resolve("query.db"), "SELECT id, revoked, last_seq FROM assertion_view");
    }

    private static Map<String, String> rows(Path db, String sql) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getBoolean(2) + "/" + rs.getLong(3));
            }
        }
        return rows;
    }

    private static long single(Path db, String sql) throws Exception {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
