package io.badges.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.events.badgeclass.Criteria;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.persistence.DataSources;
import io.badges.query.TestEventStore;
import io.badges.testsupport.TestSqlite;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hot path against the real service (SQLite read model, events appended to a real event store):
 * it gives the bytes and headers the controllers behind it give, revalidates with ETag and date, shows
 * an event's change at once, answers an unknown id as the controller does, leaves CORS, pages and
 * queries to Spring MVC, and is timed as {@code http.server.requests}. The start-up warm-up sends these
 * reads to the service itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotReadsTest {

    private static final Path DATA = TestSqlite.newDirectory("hot-reads");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WarmUp warmUp;

    @Autowired
    @Qualifier("reads")
    JdbcClient reads;

    private TestEventStore events;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("badges.public-base-url", () -> "https://badges.test");
        registry.add("badges.data-dir", DATA::toString);
        registry.add("badges.http.warm-up", () -> "1s");
    }

    @BeforeAll
    void eventStore() {
        events = new TestEventStore(new DataSources.Settings("jdbc:sqlite:" + DATA.resolve("command.db"), null, null,
                1, "test-command"), serializer);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void theHotPathGivesTheBytesAndHeadersOfTheControllerBehindIt() {
        Award award = award();
        for (String path : List.of("/api/v1/assertions/" + award.id, "/public/assertions/" + award.id,
                "/api/v1/badge-classes/" + award.badge, "/public/badges/" + award.badge,
                "/api/v1/issuers/" + award.issuer, "/public/issuers/" + award.issuer)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> get(path).statusCode() == 200);
            double before = settledCount(path, "200");
            HttpResponse<String> hot = get(path);
            // timed under the route, once the answer is written
            await().atMost(Duration.ofSeconds(5)).until(() -> hotCount(path) == before + 1);
            // an Origin (CORS) or a query string goes to Spring MVC and its controller
            HttpResponse<String> mvc = get(path, Map.of("Origin", "https://wallet.example"));
            HttpResponse<String> queried = get(path + "?via=mvc");

            // the hot path names what the answer varies on in one header; Spring MVC adds one header per name
            assertThat(hot.headers().allValues("Vary")).as(path).hasSize(1);
            assertThat(mvc.headers().allValues("Vary")).as(path).hasSizeGreaterThan(1);
            for (HttpResponse<String> other : List.of(mvc, queried)) {
                assertThat(other.statusCode()).as(path).isEqualTo(200);
                assertThat(other.body()).as(path).isEqualTo(hot.body());
                for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Last-Modified")) {
                    assertThat(other.headers().firstValue(header)).as(path + " " + header)
                            .isEqualTo(hot.headers().firstValue(header));
                }
                assertThat(String.join(", ", other.headers().allValues("Vary")))
                        .as(path).isEqualTo(hot.headers().firstValue("Vary").orElseThrow());
            }
            assertThat(hot.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(hot.headers().firstValue("Content-Length")).hasValue(Integer.toString(hot.body().length()));
            assertThat(hot.headers().firstValue("Cache-Control")).hasValue("public, max-age=10, stale-while-revalidate=30");
            assertThat(hot.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[\\w-]{22}\""));
            assertThat(mvc.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://wallet.example");
            assertThat(hot.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aClientHoldingTheAnswerGetsA304FromEitherPath() {
        Award award = award();
        String path = "/api/v1/assertions/" + award.id;
        await().atMost(Duration.ofSeconds(10)).until(() -> get(path).statusCode() == 200);
        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> hot = get(path, Map.of("If-None-Match", etag));
        HttpResponse<String> mvc = get(path, Map.of("If-None-Match", etag, "Origin", "https://wallet.example"));
        HttpResponse<String> listed = get(path, Map.of("If-None-Match", "\"other\", W/" + etag));
        HttpResponse<String> otherTag = get(path, Map.of("If-None-Match", "\"other\""));

        for (HttpResponse<String> notModified : List.of(hot, mvc, listed)) {
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
            assertThat(notModified.headers().firstValue("Cache-Control")).isPresent();
        }
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(otherTag.body()).isEqualTo(first.body());
        assertThat(hotCount(path, "304")).isPositive();

        // by date: a copy is unmodified since a second after the one it was made in, not within that second
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        Instant made = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(lastModified, Instant::from);
        assertThat(get(path, Map.of("If-Modified-Since", lastModified)).statusCode()).isEqualTo(200);
        assertThat(get(path, Map.of("If-Modified-Since", http(made.plusSeconds(1)))).statusCode()).isEqualTo(304);
        assertThat(get(path, Map.of("If-Modified-Since", "not a date")).statusCode()).isEqualTo(200);
        // If-None-Match wins over the date (RFC 9110 13.2.2)
        assertThat(get(path, Map.of("If-None-Match", "\"other\"", "If-Modified-Since", http(made.plusSeconds(60))))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anEventChangesTheAnswerAtOnceAndTheOldTagNoLongerMatches() {
        Award award = award();
        String api = "/api/v1/assertions/" + award.id;
        String document = "/public/assertions/" + award.id;
        await().atMost(Duration.ofSeconds(10)).until(() -> get(api).statusCode() == 200);
        String before = get(api).headers().firstValue("ETag").orElseThrow();
        assertThat(get(document).statusCode()).isEqualTo(200);

        events.append(new BadgeClassUpdated(award.badge, award.issuer, "Renamed", "Knows Rust", null,
                new Criteria("Ship a crate", null), List.of("lang"), T0.plusSeconds(30)));
        await().atMost(Duration.ofSeconds(10)).until(() -> get(api).body().contains("\"name\":\"Renamed\""));
        HttpResponse<String> renamed = get(api, Map.of("If-None-Match", before));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(before));

        events.append(new AssertionRevoked(award.id, award.badge, "Awarded by mistake", T0.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(10)).until(() -> get(document).statusCode() == 410);
        HttpResponse<String> gone = get(document);
        assertThat(gone.body()).contains("\"revoked\":true", "Awarded by mistake");
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(get(api).body()).contains("\"revoked\":true");
    }

    @Test
    void anUnknownIdGetsTheControllersProblemFromTheHotPath() {
        String unknown = UUID.randomUUID().toString();
        Map<String, String> notFound = Map.of("/api/v1/assertions/", "no assertion ", "/public/assertions/", "no assertion ",
                "/api/v1/badge-classes/", "no badge class ", "/public/badges/", "no badge class ",
                "/api/v1/issuers/", "no issuer ", "/public/issuers/", "no issuer ");
        notFound.forEach((route, detail) -> {
            String path = route + unknown;
            double before = settledCount(path, "404");
            HttpResponse<String> hot = get(path);
            // timed under the route, once the answer is written
            await().atMost(Duration.ofSeconds(5)).until(() -> hotCount(path, "404") == before + 1);
            HttpResponse<String> mvc = get(path, Map.of("Origin", "https://wallet.example"));
            HttpResponse<String> queried = get(path + "?via=mvc");

            assertThat(hot.statusCode()).as(path).isEqualTo(404);
            // the hot path names what the answer varies on in one header; Spring MVC adds one header per name
            assertThat(hot.headers().allValues("Vary")).as(path).hasSize(1);
            assertThat(mvc.headers().allValues("Vary")).as(path).hasSizeGreaterThan(1);
            assertThat(hot.body()).as(path).contains("\"detail\":\"" + detail + unknown + "\"",
                    "\"instance\":\"" + path + "\"", "\"type\":\"https://badges.example/problems/not-found\"");
            assertThat(hot.headers().firstValue("Content-Length")).hasValue(Integer.toString(hot.body().length()));
            for (HttpResponse<String> other : List.of(mvc, queried)) {
                assertThat(other.statusCode()).as(path).isEqualTo(404);
                assertThat(other.headers().firstValue("Content-Type")).as(path)
                        .isEqualTo(hot.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(String.join(", ", other.headers().allValues("Vary")))
                        .as(path).isEqualTo(hot.headers().firstValue("Vary").orElseThrow());
                assertThat(other.headers().firstValue("Cache-Control")).as(path).isEqualTo(hot.headers().firstValue("Cache-Control"));
                assertThat(other.body()).as(path).isEqualTo(hot.body());
            }
        });
    }

    @Test
    void pagesOddIdsAndOtherMethodsAreLeftToSpringMvc() throws Exception {
        Award award = award();
        String document = "/public/assertions/" + award.id;
        await().atMost(Duration.ofSeconds(10)).until(() -> get(document).statusCode() == 200);

        HttpResponse<String> page = get(document, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        HttpResponse<String> odd = get("/api/v1/assertions/a%2Fb");
        assertThat(odd.statusCode()).isEqualTo(404);
        assertThat(odd.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(odd.headers().allValues("Vary")).as("answered by Spring MVC").hasSizeGreaterThan(1);
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(uri("/api/v1/assertions/" + award.id))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get("/api/v1/assertions/" + award.id)
                .headers().firstValue("ETag"));
    }

    @Test
    void aBrowserRevalidatingABadgePageGetsA304WhileNothingItShowsChanged() {
        Award award = award();
        String document = "/public/assertions/" + award.id;
        Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        await().atMost(Duration.ofSeconds(10)).until(() -> get(document, browser).statusCode() == 200);
        HttpResponse<String> page = get(document, browser);
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");

        HttpResponse<String> again = get(document, Map.of("Accept", browser.get("Accept"), "If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        events.append(new AssertionRevoked(award.id, award.badge, "Awarded by mistake", T0.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(10)).until(() -> get(document, Map.of("Accept", browser.get("Accept"),
                "If-None-Match", etag)).statusCode() == 410);
    }

    @Test
    void theRequestMetricCountsHotAnswersUnderTheRouteAndPrometheusRendersIt() {
        Award award = award();
        String path = "/api/v1/assertions/" + award.id;
        await().atMost(Duration.ofSeconds(10)).until(() -> get(path).statusCode() == 200);
        get(path, Map.of("Origin", "https://wallet.example"));  // the same route through MVC's observation

        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape).contains("http_server_requests_seconds_count{error=\"none\",exception=\"none\","
                + "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/assertions/{id}\"}");
    }

    @Test
    void theWarmUpSendsTheHotReadsAndRevalidationsToTheServiceItself() throws Exception {
        Award award = award();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/assertions/" + award.id).statusCode() == 200);
        double ok = settledCount("/api/v1/assertions/" + award.id, "200");
        double notModified = settledCount("/api/v1/assertions/" + award.id, "304");
        double pages = meters.find("badges.pages.cache").counters().stream().mapToDouble(c -> c.count()).sum();

        warmUp.run(new DefaultApplicationArguments());

        // each request is timed once its answer is written, so the warm-up's last may still be on its way
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(hotCount("/api/v1/assertions/" + award.id)).isGreaterThan(ok);
            assertThat(hotCount("/api/v1/assertions/" + award.id, "304")).isGreaterThan(notModified);
        });
        assertThat(hotCount("/public/badges/" + award.badge)).isPositive();
        assertThat(meters.find("badges.pages.cache").counters().stream().mapToDouble(c -> c.count()).sum())
                .isGreaterThan(pages);
    }

    @Test
    void theWarmUpAlsoReadsIdsNoOneHasReadYet() throws Exception {
        // more awards than the warm-up's hot ids: it must also load ids no one has read (the miss path)
        List<Award> awards = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            awards.add(award());
        }
        Award last = awards.get(awards.size() - 1);
        // projected in order: once the last is there, all are (read from the table, not through the cache)
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.sql("SELECT count(*) FROM assertion_view WHERE id = ?")
                .param(last.id).query(Long.class).single() == 1);
        Timer loads = meters.find("badges.cache.load").tag("cache", "assertion").timer();
        long before = loads == null ? 0 : loads.count();

        warmUp.run(new DefaultApplicationArguments());

        assertThat(meters.find("badges.cache.load").tag("cache", "assertion").timer().count() - before)
                .as("assertions loaded by the warm-up, of %s never read (the last: %s)", awards.size(), last.id)
                .isGreaterThanOrEqualTo(awards.size());
    }

    private double hotCount(String path) {
        return hotCount(path, "200");
    }

    /**
     * {@link #hotCount(String, String)} once it has stopped moving: a request is timed just after its answer
     * has gone out, so the count can still be one behind the answers a test has seen.
     */
    private double settledCount(String path, String status) {
        double[] last = {-1};
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            double now = hotCount(path, status);
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    /** GETs answered on the route of {@code path} with {@code status}, by the hot path or MVC alike. */
    private double hotCount(String path, String status) {
        String uri = path.replaceFirst("/[^/]+$", "/{id}");
        Timer timer = meters.find("http.server.requests").tag("method", "GET").tag("uri", uri).tag("status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    private record Award(String id, String badge, String issuer) {
    }

    private Award award() {
        Award award = new Award(id(), id(), id());
        events.append(new IssuerRegistered(award.issuer, "Org", "https://org.example", "b@org.example", null, null, T0),
                new BadgeClassDefined(award.badge, award.issuer, "Rust", "Knows Rust", null,
                        new Criteria("Ship a crate", null), List.of("lang"), T0),
                new AssertionIssued(award.id, award.badge, award.issuer,
                        new Recipient("email", "sha256$alice", true, "salt"), List.of(), null, T0, null, "hosted"));
        return award;
    }

    private HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String http(Instant instant) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(java.time.ZoneOffset.UTC));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
