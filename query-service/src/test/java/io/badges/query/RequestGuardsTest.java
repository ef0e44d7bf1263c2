package io.badges.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.DataSources;
import io.badges.persistence.Database;
import io.badges.persistence.Migrations;
import io.badges.persistence.Side;
import io.badges.testsupport.TestGuards;
import io.badges.testsupport.TestSqlite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public service's guards, over HTTP: cursors it did not make, bodies over the limit (declared or
 * chunked), management endpoints behind a key (this instance does not open them to local callers),
 * a per-address limit whose address comes from X-Forwarded-For only through a trusted proxy, and
 * (with the setting on) recipient lookups for key holders only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class RequestGuardsTest {

    private static final Path DATA = TestSqlite.newDirectory("query-guards");
    private static final String MANAGEMENT_KEY = TestGuards.MANAGEMENT_KEY;
    private static final String READ_KEY = "read-key-of-the-test";
    private static final String WRITE_KEY = "write-key-the-command-side-generated";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String commandDb = "jdbc:sqlite:" + DATA.resolve("command.db");
        try (HikariDataSource command = DataSources.create(new DataSources.Settings(commandDb, null, null, 1,
                "test-command"), DataSources.Role.WRITER)) {
            Migrations.migrate(command, Database.forUrl(commandDb), Side.COMMAND);
        }
        registry.add("badges.data-dir", DATA::toString);
        registry.add("badges.public-base-url", () -> "https://badges.test");
        TestGuards.guardEveryone((name, value) -> registry.add(name, () -> value));
        registry.add("badges.read-access.read-api-keys", () -> READ_KEY);
        registry.add("badges.read-access.recipient-lookup-requires-key", () -> "true");
        try {
            Files.writeString(DATA.resolve("api-key"), WRITE_KEY + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withTheSettingOnARecipientLookupNeedsAWriteOrReadKey() throws Exception {
        String lookup = "/api/v1/assertions?recipient=someone@example.org";
        HttpResponse<String> anonymous = get(lookup, "X-Forwarded-For", "198.51.100.20");
        HttpResponse<String> wrongKey = get(lookup, "X-Forwarded-For", "198.51.100.20", "Authorization",
                "Bearer not-a-key");

        for (HttpResponse<String> refused : List.of(anonymous, wrongKey)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        for (String key : List.of(READ_KEY, WRITE_KEY)) {
            HttpResponse<String> found = get(lookup, "Authorization", "Bearer " + key);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(json.readTree(found.body()).get("items")).isEmpty();
        }
    }

    @Test
    void aCursorWithAYearNoDatabaseStoresIsA400NamingTheCursor() throws Exception {
        List<String> cursors = List.of(base64("+1000000000-12-31T23:59:59Z|x"), base64("-999999999-01-01T00:00:00Z|x"),
                base64("2026-11-22T10:00:00Z|"), "x".repeat(1_000));
        for (String cursor : cursors) {
            for (String path : List.of("/api/v1/assertions?recipient=a@example.org&cursor=",
                    "/api/v1/badge-classes/00000000-0000-0000-0000-000000000000/assertions?cursor=")) {
                HttpResponse<String> response = get(path + cursor, "Authorization", "Bearer " + READ_KEY);
                assertThat(response.statusCode()).as(path + cursor).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
                assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
                        .containsExactly("cursor");
            }
        }
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
        byte[] body = ("{\"type\":\"Assertion\",\"pad\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(uri("/api/v1/verify"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.11")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/v1/verify"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.12")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(json.readTree(response.body()).get("type").asText()).endsWith("payload-too-large");
        }
    }

    @Test
    void theHealthStatusIsPublicAndEverythingElseOfManagementNeedsTheKey() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "X-Forwarded-For", "198.51.100.13");
        HttpResponse<String> readiness = get("/actuator/health/readiness", "X-Forwarded-For", "198.51.100.13");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).has("components")).as(health.body()).isFalse();
        assertThat(readiness.body()).doesNotContain("lagEvents").doesNotContain("components");
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/health/projection")) {
            HttpResponse<String> refused = get(path, "X-Forwarded-For", "198.51.100.14");
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        HttpResponse<String> metrics = get("/actuator/prometheus", "Authorization", "Bearer " + MANAGEMENT_KEY);
        JsonNode details = json.readTree(get("/actuator/health", "Authorization", "Bearer " + MANAGEMENT_KEY).body());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(details.get("components").has("projection")).isTrue();
    }

    @Test
    void anAddressIsLimitedAndToldWhenToRetryWhileOthersAreNot() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response = get("/api/v1/issuers/nobody", "X-Forwarded-For", "203.0.113.7");
            statuses.add(response.statusCode());
            limited = response.statusCode() == 429 ? response : limited;
        }

        assertThat(statuses.subList(0, 5)).containsOnly(404);
        assertThat(limited).isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(get("/api/v1/issuers/nobody", "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health/readiness", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).headers(headers).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
