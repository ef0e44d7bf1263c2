package io.badges.query.page;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages over HTTP against the real service (SQLite read model, events appended to a real event
 * store): negotiation that leaves machines' bytes alone, what a page says, escaping, the headers,
 * and the badge page served rendered from the cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {

    private static final Path DATA = TestSqlite.newDirectory("pages");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    /** What Chromium sends when it opens a link. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    MeterRegistry meters;

    private TestEventStore events;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("badges.public-base-url", () -> "https://badges.test");
        registry.add("badges.data-dir", DATA::toString);
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
    void aBrowserGetsThePageAndEveryOtherClientTheDocumentByteForByte() throws Exception {
        Award award = award("Rust", "Org");
        HttpResponse<String> page = awaitPage(award.path(), BROWSER, 200);
        HttpResponse<String> json = get(award.path(), "application/json");
        HttpResponse<String> any = get(award.path(), null);
        HttpResponse<String> asked = get(award.path() + "?format=json", BROWSER);

        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.body()).startsWith("{").contains("\"type\":\"Assertion\"");
        assertThat(any.body()).isEqualTo(json.body());
        assertThat(asked.body()).isEqualTo(json.body());
        for (HttpResponse<String> answer : List.of(page, json, any)) {
            assertThat(answer.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept"));
        }
        assertThat(get("/public/badges/" + award.badge, "application/json").body()).contains("\"type\":\"BadgeClass\"");
        assertThat(get("/public/issuers/" + award.issuer, null).body()).contains("\"type\":\"Issuer\"");
    }

    @Test
    void theBadgePageSaysWhatThePersonNeedsAndNeverTheRecipient() throws Exception {
        Award award = award("Rust", "Org");
        String html = awaitPage(award.path(), BROWSER, 200).body();

        assertThat(html).contains("<html lang=\"en\">", "<h1>Rust</h1>", "Knows Rust", "Ship a crate", "Org",
                ">Valid<", "a verified email address", "22 November 2026", "Add to LinkedIn profile",
                "/public/assertions/" + award.id + "/image", "/public/assertions/" + award.id + "?format=json",
                "alt=\"Rust badge image\"");
        assertThat(html).doesNotContain("sha256$", "alice");
        assertThat(html).contains("<meta property=\"og:image\" content=\"https://badges.test/public/badges/"
                + award.badge + "/image\">", "<meta property=\"og:url\" content=\"https://badges.test/public/assertions/"
                + award.id + "\">", "<meta name=\"twitter:card\" content=\"summary\">");
        assertThat(html).contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name=Rust"
                + "&amp;organizationName=Org&amp;issueYear=2026&amp;issueMonth=11&amp;certUrl="
                + "https%3A%2F%2Fbadges.test%2Fpublic%2Fassertions%2F" + award.id + "&amp;certId=" + award.id);
    }

    @Test
    void aRevokedBadgeSaysSoWithGone() throws Exception {
        Award award = award("Rust", "Org");
        awaitPage(award.path(), BROWSER, 200);
        events.append(new AssertionRevoked(award.id, award.badge, "Awarded by mistake", T0.plusSeconds(60)));

        String html = awaitPage(award.path(), BROWSER, 410).body();
        assertThat(html).contains(">Revoked<", "Awarded by mistake").doesNotContain("Add to LinkedIn profile")
                .doesNotContain("/public/assertions/" + award.id + "/image");
        HttpResponse<String> json = get(award.path(), "application/json");
        assertThat(json.statusCode()).isEqualTo(410);
        assertThat(json.body()).contains("\"revoked\":true");
    }

    @Test
    void namesShowAsTextNeverAsMarkup() throws Exception {
        Award award = award("<script>alert(1)</script>", "Org <b>bold</b>");
        String html = awaitPage(award.path(), BROWSER, 200).body();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Org &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>", "<b>bold");
        assertThat(awaitPage("/public/badges/" + award.badge, BROWSER, 200).body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void everyPageHasAStrictContentSecurityPolicyAndItsStylesheetIsServedHere() throws Exception {
        Award award = award("Rust", "Org");
        for (String path : List.of(award.path(), "/public/badges/" + award.badge, "/public/issuers/" + award.issuer,
                "/", "/verify", "/public/assertions/" + UUID.randomUUID())) {
            HttpResponse<String> page = get(path, BROWSER);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(PageResponses.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.body()).as(path).contains("<link rel=\"stylesheet\" href=\"/assets/pages.css\">")
                    .doesNotContain("<script", "style=");
        }
        assertThat(PageResponses.CONTENT_SECURITY_POLICY).contains("default-src 'none'", "style-src 'self'")
                .doesNotContain("unsafe-inline");
        HttpResponse<String> css = get("/assets/pages.css", null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    }

    @Test
    void theBadgeClassAndIssuerPagesLinkToEachOther() throws Exception {
        Award award = award("Rust", "Org");
        String badge = awaitPage("/public/badges/" + award.badge, BROWSER, 200).body();
        assertThat(badge).contains("<h1>Rust</h1>", "href=\"/public/issuers/" + award.issuer + "\"", "Ship a crate");
        String issuer = awaitPage("/public/issuers/" + award.issuer, BROWSER, 200).body();
        assertThat(issuer).contains("<h1>Org</h1>", "href=\"/public/badges/" + award.badge + "\"",
                "href=\"https://org.example\"");
    }

    @Test
    void anUnknownIdIsAPageSayingSoWith404() throws Exception {
        HttpResponse<String> page = get("/public/assertions/" + UUID.randomUUID(), BROWSER);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<h1>Not found</h1>");
        HttpResponse<String> problem = get("/public/assertions/" + UUID.randomUUID(), "application/json");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theBadgePageOfACachedAssertionIsServedRenderedFromTheCache() throws Exception {
        Award award = award("Cached", "Org");
        awaitPage(award.path(), BROWSER, 200);
        double loads = count("badges.cache.load", "cache", "assertion");
        double hits = count("badges.pages.cache", "result", "hit");
        double rendered = count("badges.pages.cache", "result", "miss");

        for (int i = 0; i < 3; i++) {
            assertThat(get(award.path(), BROWSER).body()).contains("<h1>Cached</h1>");
        }

        assertThat(count("badges.pages.cache", "result", "hit") - hits).isEqualTo(3);
        assertThat(count("badges.pages.cache", "result", "miss")).isEqualTo(rendered);
        assertThat(count("badges.cache.load", "cache", "assertion")).isEqualTo(loads);

        // a change to the badge class is a change to the page: rendered again, never the old one
        events.append(new BadgeClassUpdated(award.badge, award.issuer, "Renamed", "Knows Rust", null,
                new Criteria("Ship a crate", null), List.of(), T0.plusSeconds(30)));
        await().atMost(Duration.ofSeconds(10)).until(() -> get(award.path(), BROWSER).body().contains("<h1>Renamed</h1>"));
    }

    @Test
    void theLandingAndVerifyPagesOfferTheFormWithLabels() throws Exception {
        for (String path : List.of("/", "/verify")) {
            HttpResponse<String> page = get(path, BROWSER);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<form class=\"verify\" method=\"post\" action=\"/verify\" "
                    + "enctype=\"multipart/form-data\">", "<label for=\"url\">", "<label for=\"text\">",
                    "<label for=\"file\">", "<label for=\"recipient\">");
        }
        assertThat(get("/", BROWSER).body()).contains("href=\"/swagger-ui.html\"");
    }

    @Test
    void whatCannotBeVerifiedShowsTheFormAgainWithTheReasonAndA4xx() throws Exception {
        HttpResponse<String> refused = post("url=&text=" + java.net.URLEncoder.encode("{\"hello\":1}",
                java.nio.charset.StandardCharsets.UTF_8) + "&recipient=");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "Could not verify the text you pasted",
                "{\"hello\":1}</textarea>");

        HttpResponse<String> nothing = post("url=&text=&recipient=");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Nothing to verify");

        HttpResponse<String> badUrl = get("/verify?url=ftp%3A%2F%2Fexample.org%2Fbadge", BROWSER);
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("url must be an http or https URL", "value=\"ftp://example.org/badge\"");
        HttpResponse<String> badUrlAsJson = get("/verify?url=ftp%3A%2F%2Fexample.org%2Fbadge&format=json", BROWSER);
        assertThat(badUrlAsJson.statusCode()).isEqualTo(400);
        assertThat(badUrlAsJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private record Award(String id, String badge, String issuer) {
        String path() {
            return "/public/assertions/" + id;
        }
    }

    private Award award(String badgeName, String issuerName) {
        Award award = new Award(id(), id(), id());
        events.append(new IssuerRegistered(award.issuer, issuerName, "https://org.example", "b@org.example", null, null,
                        T0),
                new BadgeClassDefined(award.badge, award.issuer, badgeName, "Knows Rust", null,
                        new Criteria("Ship a crate", null), List.of("lang"), T0),
                new AssertionIssued(award.id, award.badge, award.issuer,
                        new Recipient("email", "sha256$alice", true, "salt"), List.of(), null, T0, null, "hosted"));
        return award;
    }

    private double count(String meter, String tag, String value) {
        var found = meters.find(meter).tag(tag, value);
        return found.counter() != null ? found.counter().count() : found.timer().count();
    }

    private HttpResponse<String> awaitPage(String path, String accept, int status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> get(path, accept).statusCode() == status);
        return get(path, accept);
    }

    private HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/verify"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
