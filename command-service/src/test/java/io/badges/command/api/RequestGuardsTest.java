package io.badges.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.testsupport.TestGuards;
import io.badges.testsupport.TestSqlite;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What guards the write service before a controller sees a request: management endpoints behind a key
 * (this instance does not open them to local callers), a per-address limit for callers without a
 * valid key (the address read from X-Forwarded-For only because the peer is a trusted proxy), and the
 * body limit of a chunked body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class RequestGuardsTest {

    private static final Path DATA = TestSqlite.newDirectory("request-guards");
    private static final String KEY = "guards-test-key";
    private static final String MANAGEMENT_KEY = TestGuards.MANAGEMENT_KEY;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("badges.data-dir", DATA::toString);
        registry.add("badges.api-keys", () -> KEY);
        TestGuards.guardEveryone((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void theHealthStatusIsPublicAndEverythingElseOfManagementNeedsTheKey() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "X-Forwarded-For", "198.51.100.1");
        HttpResponse<String> readiness = get("/actuator/health/readiness", "X-Forwarded-For", "198.51.100.1");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
        assertThat(json.readTree(health.body()).has("components")).as(health.body()).isFalse();
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).doesNotContain("details").doesNotContain("components");
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/health/db", "/actuator",
                "/actuator/metrics")) {
            HttpResponse<String> refused = get(path, "X-Forwarded-For", "198.51.100.2");
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.body()).doesNotContain("jvm_").doesNotContain("hikaricp");
        }
        HttpResponse<String> wrongKey = get("/actuator/prometheus", "Authorization", "Bearer " + KEY);
        assertThat(wrongKey.statusCode()).isEqualTo(401);

        HttpResponse<String> metrics = get("/actuator/prometheus", "Authorization", "Bearer " + MANAGEMENT_KEY);
        HttpResponse<String> details = get("/actuator/health", "Authorization", "Bearer " + MANAGEMENT_KEY);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(json.readTree(details.body()).get("components").has("db")).as(details.body()).isTrue();
        assertThat(get("/actuator/info", "Authorization", "Bearer " + MANAGEMENT_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressWithoutAKeyIsLimitedAndToldWhenToRetryWhileAKeyHolderThereIsNot() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response = post("/api/v1/issuers", "{}", "Bearer wrong-key", "203.0.113.7");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses).contains(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(limited.body()).get("status").asInt()).isEqualTo(429);
        // the same address with a valid key, and another address, still get through
        HttpResponse<String> keyHolder = post("/api/v1/issuers", """
                {"name":"Guarded","url":"https://guarded.example","email":"a@guarded.example"}""",
                "Bearer " + KEY, "203.0.113.7");
        assertThat(keyHolder.statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/issuers", "{}", "Bearer wrong-key", "203.0.113.8").statusCode()).isEqualTo(401);
    }

    @Test
    void aClientCannotPickItsAddressWhenThePeerIsNotATrustedProxy() throws Exception {
        // the proxy (127.0.0.1) appended the real peer; the client's own X-Forwarded-For entry is ignored
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(post("/api/v1/issuers", "{}", "Bearer wrong-key", "192.0.2." + i + ", 203.0.113.9")
                    .statusCode());
        }
        assertThat(statuses).contains(429);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndWritesNothing() throws Exception {
        long issuers = jdbc.sql("SELECT count(*) FROM issuer").query(Long.class).single();
        byte[] body = ("{\"name\":\"" + "x".repeat(1_200_000) + "\",\"url\":\"https://big.example\","
                + "\"email\":\"a@big.example\"}").getBytes();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/issuers"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asText()).endsWith("payload-too-large");
        assertThat(jdbc.sql("SELECT count(*) FROM issuer").query(Long.class).single()).isEqualTo(issuers);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String authorization, String forwardedFor)
            throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .header("X-Forwarded-For", forwardedFor)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
