package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile input against both services as processes (issue #19): traversal, address forms, oversize
 * bodies, nesting, duplicate keys, coerced scalars, bad cursors, bad images, forged issuers. Every
 * case is a 4xx problem+json without a stack trace; nothing is written; the services log no ERROR and
 * no stack trace for any of these client mistakes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputEndToEndTest {

    private static final String KEY = "hostile-e2e-key";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private EmbeddedServices services;
    private String issuer;
    private String badge;

    @BeforeAll
    void start() throws Exception {
        services = EmbeddedServices.start(KEY, "", false); // the verifier as in production
        issuer = services.api().issuer("Hostile Target University");
        badge = services.api().badgeClass(issuer, "Target badge");
    }

    @AfterAll
    void stop() throws Exception {
        services.close();
    }

    private record Case(String name, HttpRequest request) {
    }

    @Test
    void everyHostileRequestIsAClientErrorThatWritesAndLogsNothing() throws Exception {
        Path commandLog = services.dataDir().resolve("command.log");
        Path queryLog = services.dataDir().resolve("query.log");
        long commandLogBefore = Files.size(commandLog);
        long queryLogBefore = Files.size(queryLog);
        String c = services.command().url();
        String q = services.query().url();
        String deep = "[".repeat(200) + "]".repeat(200);
        String award = "{\"badgeClassId\":\"" + badge + "\",\"recipient\":{\"type\":\"email\",\"identity\":\"x@example.org\"}";
        List<Case> cases = new ArrayList<>(List.of(
                // oversize bodies
                new Case("2 MiB award", write(c + "/api/v1/assertions", award + ",\"narrative\":\"" + "x".repeat(2 << 20) + "\"}")),
                new Case("2 MiB verify", post(q + "/api/v1/verify", "application/json", "{\"pad\":\"" + "x".repeat(2 << 20) + "\"}")),
                // nesting, duplicate keys, coerced scalars, unknown shapes
                new Case("deep nesting award", write(c + "/api/v1/assertions", award + ",\"evidence\":" + deep + "}")),
                new Case("deep nesting verify", post(q + "/api/v1/verify", "application/json", deep)),
                new Case("duplicate keys", write(c + "/api/v1/assertions", award + ",\"badgeClassId\":\"" + badge + "\"}")),
                new Case("number for a string", write(c + "/api/v1/badge-classes",
                        "{\"issuerId\":\"" + issuer + "\",\"name\":42,\"description\":\"d\",\"criteria\":{\"narrative\":\"n\"}}")),
                new Case("jws not a string", post(q + "/api/v1/verify", "application/json", "{\"jws\":42}")),
                new Case("not JSON", write(c + "/api/v1/assertions", "{\"badgeClassId\":")),
                // traversal and odd ids
                new Case("traversal in an id", get(q + "/api/v1/assertions/..%2F..%2Fetc%2Fpasswd")),
                new Case("dot segments", get(q + "/public/issuers/%2e%2e/%2e%2e/%2e%2e/etc/passwd")),
                new Case("traversal in a public path", get(q + "/public/issuers/..%2F..%2Fetc%2Fpasswd/did.json")),
                new Case("award to a traversal id", write(c + "/api/v1/assertions",
                        "{\"badgeClassId\":\"../../etc/passwd\",\"recipient\":{\"type\":\"email\",\"identity\":\"x@example.org\"}}")),
                // bad cursors
                new Case("cursor of year 1e9", get(q + "/api/v1/badge-classes/" + badge + "/assertions?cursor="
                        + base64("+1000000000-12-31T23:59:59Z|x"))),
                new Case("cursor not base64", get(q + "/api/v1/badge-classes/" + badge + "/assertions?cursor=***")),
                // address forms the verifier must not fetch
                new Case("file URL", post(q + "/api/v1/verify", "application/json", "{\"url\":\"file:///etc/passwd\"}")),
                new Case("loopback in hex", post(q + "/api/v1/verify", "application/json", "{\"url\":\"http://0x7f000001/x\"}")),
                new Case("loopback as a number", post(q + "/api/v1/verify", "application/json", "{\"url\":\"http://2130706433/x\"}")),
                new Case("IPv6 loopback", post(q + "/api/v1/verify", "application/json", "{\"url\":\"http://[::1]/x\"}")),
                new Case("IPv4-mapped metadata", post(q + "/api/v1/verify", "application/json",
                        "{\"url\":\"http://[::ffff:169.254.169.254]/latest/meta-data/\"}")),
                new Case("NAT64 private", post(q + "/api/v1/verify", "application/json", "{\"url\":\"http://[64:ff9b::a00:1]/x\"}")),
                // bad images
                new Case("garbage PNG upload", put(c + "/api/v1/badge-classes/" + badge + "/image", "image/png",
                        "not a png at all".getBytes(StandardCharsets.UTF_8))),
                new Case("SVG with a script", put(c + "/api/v1/badge-classes/" + badge + "/image", "image/svg+xml",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8))),
                new Case("garbage PNG to verify", post(q + "/api/v1/verify", "image/png", "\u0089PNG junk"))));

        for (Case hostile : cases) {
            HttpResponse<String> response = http.send(hostile.request(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(hostile.name() + ": " + response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(hostile.name())
                    .startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("status").asInt()).as(hostile.name()).isEqualTo(response.statusCode());
            assertThat(response.body()).as(hostile.name()).doesNotContain("\tat ", "Exception", "at io.badges",
                    "at org.springframework");
        }

        // a forged hosted assertion naming our issuer's badge class, hosted elsewhere: answered, not believed
        String forged = """
                {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://forger.example/a.json",
                 "recipient":{"type":"email","hashed":false,"identity":"x@example.org"},
                 "badge":"%s/public/badges/%s","issuedOn":"2026-01-01T00:00:00Z","verification":{"type":"hosted"}}"""
                .formatted(q, badge);
        JsonNode verdict = services.api().verify(forged, "application/json", null);
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isFalse();

        // nothing was written: the target badge class has no award, its issuer one badge class, its image none
        Thread.sleep(1_000); // the projection's poll interval is 50 ms: anything written would be readable now
        assertThat(services.api().read("/api/v1/badge-classes/" + badge + "/assertions").path("items")).isEmpty();
        assertThat(services.api().read("/api/v1/issuers/" + issuer + "/badge-classes").path("items")).hasSize(1);
        assertThat(new String(services.api().getBytes("/public/badges/" + badge + "/image").body(),
                StandardCharsets.UTF_8)).doesNotContain("<script");

        // and no ERROR, no stack trace in either service's log for any of it
        for (Path log : List.of(commandLog, queryLog)) {
            long before = log.equals(commandLog) ? commandLogBefore : queryLogBefore;
            byte[] all = Files.readAllBytes(log);
            String appended = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
            assertThat(appended).as(log.getFileName() + " after the hostile requests")
                    .doesNotContain(" ERROR ", "\tat ", "Caused by:");
        }
    }

    private HttpRequest write(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest put(String url, String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static HttpRequest post(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
