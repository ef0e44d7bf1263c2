package io.badges.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.WriteModel;
import io.badges.command.status.StatusLists;
import org.springframework.transaction.support.TransactionTemplate;
import io.badges.credentials.BitstringStatusList;
import io.badges.credentials.DataIntegrity;
import io.badges.credentials.IssuerKeys;
import io.badges.credentials.VcJwt;
import io.badges.credentials.Verification;
import io.badges.credentials.VerificationMethodResolver;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.StatusListPublished;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.security.PublicKey;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.testsupport.OpenBadgeCredentialSchema;
import io.badges.testsupport.TestImages;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The write API against a real database; one subclass per vendor. Every refused request must leave
 * every table and the event store exactly as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WriteApiContract.FailureInjection.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WriteApiContract {

    static final String KEY = "contract-test-key";
    static final String POISON = "fail-after-the-row-insert";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FailingHandler failingHandler;

    @Autowired
    org.springframework.boot.web.servlet.FilterRegistrationBean<io.badges.command.assertion.SingleAwardFilter> singleAwards;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    String issuerId;
    String badgeClassId;
    String assertionId;

    @BeforeAll
    void seed() throws Exception {
        issuerId = created(post("/api/v1/issuers", """
                {"name":"Seed Org","url":"https://seed.example","email":"badges@seed.example"}"""));
        badgeClassId = created(post("/api/v1/badge-classes", """
                {"issuerId":"%s","name":"Seed badge","description":"d","criteria":{"narrative":"do it"}}"""
                .formatted(issuerId)));
        assertionId = created(post("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"seed@example.org"}}"""
                .formatted(badgeClassId), Map.of("Idempotency-Key", "seed-key")));
    }

    @Test
    void awardsAndRevokesWithOneEventPerFactCommittedWithItsRow() throws Exception {
        Map<String, Long> before = counts();

        String id = created(post("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"Alice@Example.org"},
                 "evidence":[{"url":"https://evidence.example/1"}],"expires":"2099-01-01T00:00:00Z"}"""
                .formatted(badgeClassId)));
        HttpResponse<String> revoke = post("/api/v1/assertions/" + id + "/revoke", "{\"reason\":\"mistake\"}");
        HttpResponse<String> again = post("/api/v1/assertions/" + id + "/revoke", "{\"reason\":\"twice\"}");

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        Map<String, Long> after = counts();
        assertThat(after.get("assertion")).isEqualTo(before.get("assertion") + 1);
        assertThat(after.get("domain_event_entry")).isEqualTo(before.get("domain_event_entry") + 2);
        assertThat(jdbc.sql("SELECT revocation_reason FROM assertion WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo("mistake");
    }

    /** Time-ordered identifiers (version 7) keep every insert at its indexes' right edge. */
    @Test
    void everyIdentifierTheServiceMakesIsTimeOrdered() throws Exception {
        String issuer = created(post("/api/v1/issuers", """
                {"name":"Ordered Org","url":"https://ordered.example","email":"badges@ordered.example"}"""));
        String badge = created(post("/api/v1/badge-classes", """
                {"issuerId":"%s","name":"Ordered","description":"d","criteria":{"narrative":"n"}}"""
                .formatted(issuer)));
        assertThat(post("/api/v1/issuers/" + issuer + "/keys", "{}").statusCode()).isEqualTo(201);
        Thread.sleep(2);  // a later millisecond than the badge class
        String award = created(post("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"ordered@example.org"}}"""
                .formatted(badge)));
        String key = jdbc.sql("SELECT id FROM issuer_key WHERE issuer_id = ?").param(issuer)
                .query(String.class).single();
        List<String> events = jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(award).query(String.class).list();

        for (String id : List.of(issuer, badge, key, award, events.get(0))) {
            assertThat(java.util.UUID.fromString(id).version()).as(id).isEqualTo(7);
        }
        assertThat(award).isGreaterThan(badge);
    }

    /**
     * {@code SingleAwardFilter} answers a plain single award ahead of Spring MVC; an Accept it does not
     * take plainly sends the same request to the controller. Both answers, rows, events and request
     * timers must be alike.
     */
    @Test
    void aSingleAwardIsAnsweredAlikeAheadOfSpringMvcAndByTheController() throws Exception {
        String body = """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"fast@example.org"},"narrative":"n"}"""
                .formatted(badgeClassId);
        long taken = singleAwards.getFilter().answered();
        Map<String, Long> before = counts();
        double timed = awardsTimed();

        HttpResponse<String> fast = post("/api/v1/assertions", body);
        HttpResponse<String> controller = post("/api/v1/assertions", body, Map.of("Accept", "application/json, */*"));

        assertThat(singleAwards.getFilter().answered()).isEqualTo(taken + 1);
        JsonNode fastAward = json.readTree(fast.body());
        JsonNode controllerAward = json.readTree(controller.body());
        for (HttpResponse<String> answer : List.of(fast, controller)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            assertThat(answer.headers().firstValue("Location"))
                    .hasValue("/api/v1/assertions/" + json.readTree(answer.body()).get("id").asText());
        }
        assertThat(fast.headers().map().keySet()).isEqualTo(controller.headers().map().keySet());
        for (String header : List.of("Content-Type", "Idempotent-Replayed")) {
            assertThat(fast.headers().allValues(header)).as(header).isEqualTo(controller.headers().allValues(header));
        }
        List<String> fields = new ArrayList<>();
        fastAward.fieldNames().forEachRemaining(fields::add);
        List<String> controllerFields = new ArrayList<>();
        controllerAward.fieldNames().forEachRemaining(controllerFields::add);
        assertThat(fields).isEqualTo(controllerFields);
        for (String field : List.of("badgeClassId", "narrative", "verification", "format", "evidence")) {
            assertThat(fastAward.get(field)).as(field).isEqualTo(controllerAward.get(field));
        }
        Map<String, Long> after = counts();
        assertThat(after.get("assertion")).isEqualTo(before.get("assertion") + 2);
        assertThat(after.get("domain_event_entry")).isEqualTo(before.get("domain_event_entry") + 2);
        // the observation records its timer after the answer has gone out: wait for it
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (awardsTimed() < timed + 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(awardsTimed()).isEqualTo(timed + 2);
    }

    /** Single awards answered 201, as the HTTP observation timed them. */
    private double awardsTimed() {
        io.micrometer.core.instrument.Timer timer = meters.find("http.server.requests")
                .tags("method", "POST", "uri", "/api/v1/assertions", "status", "201").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void storesTheHashedIdentityAndNeverTheClearEmail() throws Exception {
        String id = created(post("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"secret.person@example.org"}}"""
                .formatted(badgeClassId)));

        String identity = jdbc.sql("SELECT recipient_identity FROM assertion WHERE id = ?").param(id)
                .query(String.class).single();
        assertThat(identity).startsWith("sha256$").doesNotContain("secret.person");
        List<byte[]> payloads = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(byte[].class).list();
        assertThat(payloads).hasSize(1);
        assertThat(new String(payloads.get(0))).doesNotContain("secret.person");
    }

    @Test
    void replaysTheFirstAnswerForARepeatedIdempotencyKey() throws Exception {
        String body = """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"retry@example.org"}}"""
                .formatted(badgeClassId);
        HttpResponse<String> first = post("/api/v1/assertions", body, Map.of("Idempotency-Key", "retry-1"));
        Map<String, Long> afterFirst = counts();
        HttpResponse<String> second = post("/api/v1/assertions", body, Map.of("Idempotency-Key", "retry-1"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(counts()).isEqualTo(afterFirst);
    }

    @Test
    void aFailureAfterTheRowInsertLeavesNeitherRowNorEvent() throws Exception {
        Map<String, Long> before = counts();

        HttpResponse<String> response = post("/api/v1/issuers", """
                {"name":"%s","url":"https://poison.example","email":"p@poison.example"}""".formatted(POISON));

        assertThat(failingHandler.sawItsRow.get()).as("the failure happened after the issuer row was written").isTrue();
        assertThat(response.statusCode()).isEqualTo(500);
        assertProblem(response);
        assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("injected");
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM issuer WHERE name = ?").param(POISON).query(Long.class).single())
                .isZero();
    }

    @Test
    void storesSqlMetacharactersVerbatim() throws Exception {
        String name = "Robert'); DROP TABLE issuer; --";
        String id = created(post("/api/v1/issuers", json.writeValueAsString(
                Map.of("name", name, "url", "https://bobby.example", "email", "bobby@tables.example"))));

        assertThat(jdbc.sql("SELECT name FROM issuer WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(name);
    }

    @Test
    void updatesIssuerAndBadgeClass() throws Exception {
        HttpResponse<String> issuer = put("/api/v1/issuers/" + issuerId, """
                {"name":"Seed Org 2","url":"https://seed.example","email":"badges@seed.example"}""");
        HttpResponse<String> badge = put("/api/v1/badge-classes/" + badgeClassId, """
                {"name":"Seed badge 2","description":"d2","criteria":{"url":"https://seed.example/how"}}""");

        assertThat(issuer.statusCode()).isEqualTo(200);
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(json.readTree(badge.body()).get("issuerId").asText()).isEqualTo(issuerId);
        assertThat(jdbc.sql("SELECT criteria_url FROM badge_class WHERE id = ?").param(badgeClassId)
                .query(String.class).single()).isEqualTo("https://seed.example/how");
    }

    @Test
    void signsAwardsWithTheIssuersNewestKeyWhosePrivateHalfIsSealed() throws Exception {
        String issuer = created(post("/api/v1/issuers", """
                {"name":"Signing Org","url":"https://signing.example","email":"keys@signing.example"}"""));
        String badge = created(post("/api/v1/badge-classes", """
                {"issuerId":"%s","name":"Signed badge","description":"d","criteria":{"narrative":"n"}}"""
                .formatted(issuer)));
        String signedAward = """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"signed@example.org"},
                 "verification":"signed"}""".formatted(badge);
        Map<String, Long> beforeRefusal = counts();

        HttpResponse<String> withoutKey = post("/api/v1/assertions", signedAward);

        assertThat(withoutKey.statusCode()).isEqualTo(422);
        assertThat(json.readTree(withoutKey.body()).get("errors").findValuesAsText("field")).contains("verification");
        assertThat(counts()).isEqualTo(beforeRefusal);

        HttpResponse<String> first = post("/api/v1/issuers/" + issuer + "/keys", "{}");
        HttpResponse<String> second = post("/api/v1/issuers/" + issuer + "/keys", "{}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        String newest = json.readTree(second.body()).get("keyId").asText();
        String pem = json.readTree(second.body()).get("publicKeyPem").asText();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");

        JsonNode award = json.readTree(post("/api/v1/assertions", signedAward).body());
        String[] jws = award.get("signature").asText().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jws[1]));
        assertThat(jws).hasSize(3);
        assertThat(payload).contains("\"creator\":\"https://badges.test/public/keys/" + newest + "\"")
                .contains("\"id\":\"https://badges.test/public/assertions/" + award.get("id").asText() + "\"");
        String sealed = jdbc.sql("SELECT private_key_sealed FROM issuer_key WHERE id = ?").param(newest)
                .query(String.class).single();
        assertThat(sealed).doesNotContain("BEGIN").hasSizeGreaterThan(1000);
        List<byte[]> events = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(issuer).query(byte[].class).list();
        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(new String(e)).doesNotContain(sealed));
    }

    @Test
    void awardsABatchAllOrNothingWithOneEventPerRecipientInRecipientOrder() throws Exception {
        Map<String, Long> before = counts();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            emails.add("batch" + i + "@example.org");
        }
        String body = json.writeValueAsString(Map.of("badgeClassId", badgeClassId,
                "recipients", emails.stream().map(e -> Map.of("type", "email", "identity", e)).toList()));

        HttpResponse<String> response = post("/api/v1/assertions/batch", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).get("ids").forEach(id -> ids.add(id.asText()));
        assertThat(ids).hasSize(500).doesNotHaveDuplicates();
        Map<String, Long> after = counts();
        assertThat(after.get("assertion")).isEqualTo(before.get("assertion") + 500);
        assertThat(after.get("domain_event_entry")).isEqualTo(before.get("domain_event_entry") + 500);
        for (int i : new int[] {0, 17, 499}) {
            Map<String, Object> row = jdbc.sql("SELECT recipient_identity, recipient_salt FROM assertion WHERE id = ?")
                    .param(ids.get(i)).query().singleRow();
            String expected = "sha256$" + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                    .getInstance("SHA-256").digest((emails.get(i) + row.get("recipient_salt")).getBytes()));
            assertThat(row.get("recipient_identity")).as("recipient %d", i).isEqualTo(expected);
        }
        HttpResponse<String> revoke = post("/api/v1/assertions/" + ids.get(250) + "/revoke", "{\"reason\":\"r\"}");
        assertThat(revoke.statusCode()).as("a batch award is an ordinary aggregate").isEqualTo(200);
        assertThat(jdbc.sql("SELECT revoked FROM assertion WHERE id = ?").param(ids.get(250)).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void aBatchWithOneBadRecipientWritesNothing() throws Exception {
        Map<String, Long> before = counts();
        String body = """
                {"badgeClassId":"%s","recipients":[
                  {"type":"email","identity":"ok1@example.org"},{"type":"email","identity":"ok2@example.org"},
                  {"type":"email","identity":"ok3@example.org"},{"type":"email","identity":"not-an-address"}]}"""
                .formatted(badgeClassId);
        String unknown = """
                {"badgeClassId":"00000000-0000-0000-0000-000000000000",
                 "recipients":[{"type":"email","identity":"ok@example.org"}]}""";
        String empty = """
                {"badgeClassId":"%s","recipients":[]}""".formatted(badgeClassId);

        HttpResponse<String> invalid = post("/api/v1/assertions/batch", body);
        HttpResponse<String> unknownBadge = post("/api/v1/assertions/batch", unknown);
        HttpResponse<String> none = post("/api/v1/assertions/batch", empty);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(assertProblem(invalid).get("errors").findValuesAsText("field")).contains("recipients[3].identity");
        assertThat(unknownBadge.statusCode()).isEqualTo(422);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void keysForAnUnknownIssuerAreRefused() throws Exception {
        Map<String, Long> before = counts();

        HttpResponse<String> response = post("/api/v1/issuers/00000000-0000-0000-0000-000000000000/keys", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response);
        assertThat(counts()).isEqualTo(before);
    }

    record Case(String name, String method, String path, String body, Map<String, String> headers,
                int status, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void hostsAnUploadedPictureWithItsEventAndRow() throws Exception {
        byte[] png = TestImages.png(16);

        HttpResponse<String> response = putImage(badgeClassId, "image/png", png);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertThat(answer.path("sha256").asText()).isEqualTo(sha256);
        assertThat(answer.path("image").asText()).endsWith("/public/badges/" + badgeClassId + "/image");
        assertThat(jdbc.sql("SELECT media_type, sha256 FROM badge_class_image WHERE badge_class_id = ?")
                .param(badgeClassId).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single())
                .isEqualTo("image/png " + sha256);
        assertThat(jdbc.sql("SELECT image FROM badge_class_image WHERE badge_class_id = ?").param(badgeClassId)
                .query(byte[].class).single()).isEqualTo(png);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type"
                + " LIKE '%BadgeClassImageChanged'").param(badgeClassId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDataUriImageIsHostedAndAnHttpsUrlLaterReplacesIt() throws Exception {
        String svg = Base64.getEncoder().encodeToString(TestImages.svg("<circle r=\"4\"/>"));
        HttpResponse<String> defined = post("/api/v1/badge-classes", """
                {"issuerId":"%s","name":"Drawn","description":"d","criteria":{"narrative":"n"},
                 "image":"data:image/svg+xml;base64,%s"}""".formatted(issuerId, svg));
        String id = created(defined);

        assertThat(json.readTree(defined.body()).path("image").asText()).endsWith("/public/badges/" + id + "/image");
        assertThat(jdbc.sql("SELECT media_type FROM badge_class_image WHERE badge_class_id = ?").param(id)
                .query(String.class).single()).isEqualTo("image/svg+xml");

        HttpResponse<String> linked = put("/api/v1/badge-classes/" + id, """
                {"name":"Drawn","description":"d","criteria":{"narrative":"n"},"image":"https://img.example/d.png"}""");

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM badge_class_image WHERE badge_class_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT image FROM badge_class WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("https://img.example/d.png");
    }

    Stream<Arguments> hostileImages() {
        byte[] baked = BadgeImages.bakeSigned(new BadgeImages.Image(ImageType.PNG, TestImages.png(8)), "a.b.c");
        byte[] twoBadges = BadgeImages.bakeCredential(new BadgeImages.Image(ImageType.PNG, baked), "{}");
        return Stream.of(
                Arguments.of("XXE SVG", "image/svg+xml", TestImages.xxeSvg(), 400),
                Arguments.of("billion laughs SVG", "image/svg+xml", TestImages.billionLaughsSvg(), 400),
                Arguments.of("script in an SVG", "image/svg+xml", TestImages.svg("<script>alert(1)</script>"), 400),
                Arguments.of("PNG with a bad CRC", "image/png", TestImages.pngWithBadCrc(), 400),
                Arguments.of("PNG with two openbadges chunks", "image/png", twoBadges, 400),
                Arguments.of("already baked PNG", "image/png", baked, 400),
                Arguments.of("GIF declared as PNG", "image/png", TestImages.gif(), 400),
                Arguments.of("GIF", "image/gif", TestImages.gif(), 415),
                Arguments.of("600 KiB PNG", "image/png", TestImages.oversized(600 * 1024), 413),
                Arguments.of("10 MB PNG", "image/png", TestImages.oversized(10 * 1024 * 1024), 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileImages")
    void refusesHostileImagesWithAProblemAndStoresNothing(String name, String type, byte[] image, int status)
            throws Exception {
        Map<String, Long> before = counts();

        HttpResponse<String> response = putImage(badgeClassId, type, image);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertProblem(response);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(counts()).isEqualTo(before);
    }

    Stream<Arguments> badInput() {
        String bc = "\"badgeClassId\":\"%s\"".formatted(badgeClassId);
        String alice = "\"recipient\":{\"type\":\"email\",\"identity\":\"alice@example.org\"}";
        String issuerOk = "\"url\":\"https://x.example\",\"email\":\"x@x.example\"";
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"," + issuerOk + "}";
        List<Case> cases = new ArrayList<>(List.of(
                new Case("malformed JSON", "POST", "/api/v1/issuers", "{\"name\": ", Map.of(), 400, null),
                new Case("missing name", "POST", "/api/v1/issuers", "{" + issuerOk + "}", Map.of(), 400, "name"),
                new Case("blank name", "POST", "/api/v1/issuers", "{\"name\":\"  \"," + issuerOk + "}", Map.of(),
                        400, "name"),
                new Case("invalid email", "POST", "/api/v1/issuers",
                        "{\"name\":\"n\",\"url\":\"https://x.example\",\"email\":\"not-an-email\"}", Map.of(), 400,
                        "email"),
                new Case("invalid url", "POST", "/api/v1/issuers",
                        "{\"name\":\"n\",\"url\":\"ftp://x.example\",\"email\":\"x@x.example\"}", Map.of(), 400,
                        "url"),
                new Case("wrong type for tags", "POST", "/api/v1/badge-classes",
                        "{\"issuerId\":\"" + issuerId + "\",\"name\":\"n\",\"description\":\"d\","
                                + "\"criteria\":{\"narrative\":\"n\"},\"tags\":\"not-an-array\"}", Map.of(), 400,
                        "tags"),
                new Case("wrong type for hashRecipient", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"hashRecipient\":\"maybe\"}", Map.of(), 400, "hashRecipient"),
                new Case("a number for a string", "POST", "/api/v1/issuers", "{\"name\":42," + issuerOk + "}",
                        Map.of(), 400, "name"),
                new Case("a boolean for a string", "POST", "/api/v1/issuers", "{\"name\":true," + issuerOk + "}",
                        Map.of(), 400, "name"),
                new Case("a number for a nested string", "POST", "/api/v1/assertions",
                        "{" + bc + ",\"recipient\":{\"type\":\"email\",\"identity\":7}}", Map.of(), 400,
                        "recipient.identity"),
                new Case("a number in a list of strings", "POST", "/api/v1/badge-classes",
                        "{\"issuerId\":\"" + issuerId + "\",\"name\":\"n\",\"description\":\"d\","
                                + "\"criteria\":{\"narrative\":\"n\"},\"tags\":[1]}", Map.of(), 400, "tags[0]"),
                new Case("a string for a boolean", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"hashRecipient\":\"false\"}", Map.of(), 400, "hashRecipient"),
                new Case("a number for a boolean", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"hashRecipient\":0}", Map.of(), 400, "hashRecipient"),
                new Case("a key twice", "POST", "/api/v1/issuers",
                        "{\"name\":\"first\",\"name\":\"second\"," + issuerOk + "}", Map.of(), 400, null),
                new Case("nesting deeper than the limit", "POST", "/api/v1/issuers",
                        "{\"name\":\"n\"," + issuerOk + ",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}",
                        Map.of(), 400, null),
                new Case("criteria without narrative or url", "POST", "/api/v1/badge-classes",
                        "{\"issuerId\":\"" + issuerId + "\",\"name\":\"n\",\"description\":\"d\",\"criteria\":{}}",
                        Map.of(), 400, "criteria.narrativeOrUrl"),
                new Case("unknown issuer", "POST", "/api/v1/badge-classes",
                        "{\"issuerId\":\"00000000-0000-0000-0000-000000000000\",\"name\":\"n\",\"description\":\"d\","
                                + "\"criteria\":{\"narrative\":\"n\"}}", Map.of(), 422, "issuerId"),
                new Case("unknown badge class", "POST", "/api/v1/assertions",
                        "{\"badgeClassId\":\"00000000-0000-0000-0000-000000000000\"," + alice + "}", Map.of(), 422,
                        "badgeClassId"),
                new Case("SQL metacharacters as a reference", "POST", "/api/v1/assertions",
                        "{\"badgeClassId\":\"x' OR '1'='1\"," + alice + "}", Map.of(), 422, "badgeClassId"),
                new Case("empty identity", "POST", "/api/v1/assertions",
                        "{" + bc + ",\"recipient\":{\"type\":\"email\",\"identity\":\"\"}}", Map.of(), 400,
                        "recipient.identity"),
                new Case("invalid recipient email", "POST", "/api/v1/assertions",
                        "{" + bc + ",\"recipient\":{\"type\":\"email\",\"identity\":\"alice@\"}}", Map.of(), 400,
                        "recipient.identity"),
                new Case("unsupported recipient type", "POST", "/api/v1/assertions",
                        "{" + bc + ",\"recipient\":{\"type\":\"telephone\",\"identity\":\"a@b.org\"}}", Map.of(),
                        400, "recipient.type"),
                new Case("missing recipient", "POST", "/api/v1/assertions", "{" + bc + "}", Map.of(), 400,
                        "recipient"),
                new Case("bad date", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"expires\":\"next tuesday\"}", Map.of(), 400, "expires"),
                new Case("expiry before the issue date", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"expires\":\"2001-01-01T00:00:00Z\"}", Map.of(), 400, "expires"),
                new Case("unknown verification type", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"verification\":\"carrier-pigeon\"}", Map.of(), 400,
                        "verification"),
                new Case("unknown format", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"format\":\"ob4\"}", Map.of(), 400, "format"),
                new Case("unknown format in a batch", "POST", "/api/v1/assertions/batch",
                        "{" + bc + ",\"recipients\":[{\"type\":\"email\",\"identity\":\"a@b.org\"}],"
                                + "\"format\":\"ob4\"}", Map.of(), 400, "format"),
                new Case("OB 3.0 with the OB 2.0 signed option", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"format\":\"ob3\",\"verification\":\"signed\"}", Map.of(), 400,
                        "verification"),
                new Case("OB 3.0 batch with the OB 2.0 signed option", "POST", "/api/v1/assertions/batch",
                        "{" + bc + ",\"recipients\":[{\"type\":\"email\",\"identity\":\"a@b.org\"}],"
                                + "\"format\":\"ob3\",\"verification\":\"signed\"}", Map.of(), 400, "verification"),
                new Case("unknown key algorithm", "POST", "/api/v1/issuers/" + issuerId + "/keys",
                        "{\"algorithm\":\"HS256\"}", Map.of(), 400, "algorithm"),
                new Case("evidence url not http", "POST", "/api/v1/assertions",
                        "{" + bc + "," + alice + ",\"evidence\":[{\"url\":\"javascript:alert(1)\"}]}", Map.of(), 400,
                        "evidence[0].url"),
                new Case("unknown issuer id in the path", "PUT", "/api/v1/issuers/00000000-0000-0000-0000-000000000000",
                        "{\"name\":\"n\"," + issuerOk + "}", Map.of(), 404, null),
                new Case("SQL metacharacters in the path", "POST", "/api/v1/assertions/x'%3B%20DROP%20TABLE%20assertion%3B--/revoke",
                        "{}", Map.of(), 404, null),
                new Case("unknown assertion", "POST", "/api/v1/assertions/00000000-0000-0000-0000-000000000000/revoke",
                        "{}", Map.of(), 404, null),
                new Case("body over 1 MiB", "POST", "/api/v1/issuers", huge, Map.of(), 413, null),
                new Case("not JSON", "POST", "/api/v1/issuers", "name=x", Map.of("Content-Type", "text/plain"), 415,
                        null),
                new Case("missing API key", "POST", "/api/v1/issuers", "{\"name\":\"n\"," + issuerOk + "}",
                        Map.of("Authorization", ""), 401, null),
                new Case("wrong API key", "POST", "/api/v1/issuers", "{\"name\":\"n\"," + issuerOk + "}",
                        Map.of("Authorization", "Bearer wrong-key"), 401, null),
                new Case("data URI image of another type", "POST", "/api/v1/badge-classes",
                        "{\"issuerId\":\"" + issuerId + "\",\"name\":\"n\",\"description\":\"d\","
                                + "\"criteria\":{\"narrative\":\"n\"},\"image\":\"data:image/gif;base64,R0lGODlh\"}",
                        Map.of(), 400, "image"),
                new Case("data URI image that is not a PNG", "POST", "/api/v1/badge-classes",
                        "{\"issuerId\":\"" + issuerId + "\",\"name\":\"n\",\"description\":\"d\","
                                + "\"criteria\":{\"narrative\":\"n\"},\"image\":\"data:image/png;base64,"
                                + Base64.getEncoder().encodeToString(TestImages.gif()) + "\"}", Map.of(), 400, "image"),
                new Case("image neither URL nor data URI", "POST", "/api/v1/badge-classes",
                        "{\"issuerId\":\"" + issuerId + "\",\"name\":\"n\",\"description\":\"d\","
                                + "\"criteria\":{\"narrative\":\"n\"},\"image\":\"javascript:alert(1)\"}",
                        Map.of(), 400, "image"),
                new Case("idempotency key reused with another body", "POST", "/api/v1/assertions",
                        "{" + bc + ",\"recipient\":{\"type\":\"email\",\"identity\":\"other@example.org\"}}",
                        Map.of("Idempotency-Key", "seed-key"), 422, "Idempotency-Key")));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void refusesBadInputWithAProblemAndWritesNothing(Case c) throws Exception {
        Map<String, Long> before = counts();

        HttpResponse<String> response = send(c.method(), c.path(), c.body(), c.headers());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        JsonNode problem = assertProblem(response);
        if (c.field() != null) {
            assertThat(problem.get("errors")).as(response.body()).isNotNull();
            assertThat(problem.get("errors").findValuesAsText("field")).contains(c.field());
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(counts()).isEqualTo(before);
    }

    // ---- Open Badges 3.0 -------------------------------------------------------------------------

    private static final OpenBadges3 OB3 = new OpenBadges3(new PublicUrls("https://badges.test"));

    /** A fresh issuer (its own keys and status lists) with one badge class; answers the badge class id. */
    String ob3BadgeClass(String name) throws Exception {
        String issuer = created(post("/api/v1/issuers", """
                {"name":"%s","url":"https://ob3.example","email":"badges@ob3.example"}""".formatted(name)));
        return created(post("/api/v1/badge-classes", """
                {"issuerId":"%s","name":"OB3 badge","description":"Knows OB 3.0","criteria":{"narrative":"sign it"}}"""
                .formatted(issuer)));
    }

    String issuerOf(String badgeClass) {
        return jdbc.sql("SELECT issuer_id FROM badge_class WHERE id = ?").param(badgeClass).query(String.class).single();
    }

    /** The payloads of the events of one type of one aggregate, in order. */
    List<JsonNode> events(String aggregateId, Class<?> type) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (byte[] payload : jdbc.sql("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?
                ORDER BY sequence_number""").params(aggregateId, type.getName()).query(byte[].class).list()) {
            events.add(json.readTree(payload));
        }
        return events;
    }

    /** The issuer's one key of this algorithm, from its IssuerKeyAdded event. */
    Map.Entry<String, PublicKey> key(String issuer, String algorithm) throws IOException {
        List<JsonNode> keys = events(issuer, IssuerKeyAdded.class).stream()
                .filter(e -> algorithm.equals(e.get("algorithm").asText())).toList();
        assertThat(keys).as("%s keys", algorithm).hasSize(1);
        return Map.entry(OB3.verificationMethod(issuer, keys.get(0).get("keyId").asText()),
                IssuerKeys.publicKey(IssuerKeys.fromPem(keys.get(0).get("publicKeyPem").asText())));
    }

    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    boolean allPublished(String issuer) {
        return jdbc.sql("SELECT count(*) FROM status_list WHERE issuer_id = ? AND version > published_version")
                .param(issuer).query(Long.class).single() == 0;
    }

    @Test
    void issuesAnOb3CredentialWithADataIntegrityProofAndAVcJwtSignedOnce() throws Exception {
        String badge = ob3BadgeClass("Credential Org");
        String issuer = issuerOf(badge);

        HttpResponse<String> response = post("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"ob3@example.org"},"format":"ob3",
                 "expires":"2099-01-01T00:00:00Z"}""".formatted(badge));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = json.readTree(response.body());
        String id = answer.get("id").asText();
        assertThat(answer.get("format").asText()).isEqualTo("ob3");
        assertThat(answer.get("credentialUrl").asText()).isEqualTo("https://badges.test/public/credentials/" + id);
        JsonNode event = events(id, AssertionIssued.class).get(0);
        assertThat(event.get("format").asText()).isEqualTo("ob3");
        String credential = event.get("credential").asText();
        String jwt = event.get("credentialJwt").asText();
        assertThat(OpenBadgeCredentialSchema.violations(credential)).as("the stored (and served) credential")
                .isEmpty();

        Map.Entry<String, PublicKey> ed25519 = key(issuer, IssuerKeyAdded.ED25519);
        Map.Entry<String, PublicKey> es256 = key(issuer, IssuerKeyAdded.ES256);
        Verification proof = DataIntegrity.verify(credential,
                VerificationMethodResolver.of(ed25519.getKey(), ed25519.getValue()));
        assertThat(proof.verified()).as(proof.toString()).isTrue();
        Verification jws = VcJwt.verify(jwt, es256.getValue());
        assertThat(jws.verified()).as(jws.toString()).isTrue();
        assertThat(OpenBadgeCredentialSchema.violations(jws.credential())).as("the credential inside the VC-JWT")
                .isEmpty();
        assertThat(VcJwt.header(jwt).kid()).isEqualTo(es256.getKey());
        assertThat(VcJwt.header(jwt).alg()).isEqualTo("ES256");

        JsonNode vc = json.readTree(credential);
        assertThat(vc.get("id").asText()).isEqualTo("https://badges.test/public/credentials/" + id);
        assertThat(vc.get("issuer").get("id").asText()).isEqualTo(OB3.issuerDid(issuer));
        assertThat(vc.get("issuer").get("name").asText()).isEqualTo("Credential Org");
        assertThat(vc.get("issuer").get("email").asText()).isEqualTo("badges@ob3.example");
        assertThat(vc.get("validUntil").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(vc.get("proof").get("verificationMethod").asText()).isEqualTo(ed25519.getKey());
        JsonNode identity = vc.get("credentialSubject").get("identifier").get(0);
        assertThat(identity.get("identityHash").asText()).startsWith("sha256$");
        assertThat(identity.get("hashed").asBoolean()).isTrue();
        assertThat(credential).doesNotContain("ob3@example.org");
        JsonNode achievement = vc.get("credentialSubject").get("achievement");
        assertThat(achievement.get("id").asText()).isEqualTo("https://badges.test/public/badges/" + badge);
        assertThat(achievement.get("description").asText()).isEqualTo("Knows OB 3.0");
        assertThat(achievement.get("criteria").get("narrative").asText()).isEqualTo("sign it");
        assertThat(achievement.get("image").get("id").asText())
                .isEqualTo("https://badges.test/public/badges/" + badge + "/image");
        JsonNode status = vc.get("credentialStatus");
        assertThat(status.get("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.get("statusListCredential").asText())
                .isEqualTo("https://badges.test/public/issuers/" + issuer + "/status/1");
        int index = Integer.parseInt(status.get("statusListIndex").asText());
        assertThat(jdbc.sql("SELECT status_index FROM status_list_entry WHERE assertion_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(index);
        assertThat(jdbc.sql("SELECT format FROM assertion WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("ob3");

        String plain = created(post("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"plain@example.org"},"format":"ob3",
                 "hashRecipient":false}""".formatted(badge)));
        assertThat(OpenBadgeCredentialSchema.violations(
                events(plain, AssertionIssued.class).get(0).get("credential").asText()))
                .as("a credential with a clear recipient and no expiry").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM issuer_key WHERE issuer_id = ?").param(issuer).query(Long.class)
                .single()).as("the first OB 3.0 award made the keys, the next ones use them").isEqualTo(2);
        await("the new list's first publication", () -> allPublished(issuer));
    }

    @Test
    void anOb3BatchGetsDistinctStatusIndexesAndCredentialUrls() throws Exception {
        String badge = ob3BadgeClass("Batch Org");
        List<Map<String, String>> recipients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            recipients.add(Map.of("type", "email", "identity", "ob3-batch" + i + "@example.org"));
        }

        HttpResponse<String> response = post("/api/v1/assertions/batch", json.writeValueAsString(
                Map.of("badgeClassId", badge, "recipients", recipients, "format", "ob3")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("ids")).hasSize(50);
        assertThat(answer.get("credentialUrls")).hasSize(50);
        assertThat(answer.get("credentialUrls").get(7).asText())
                .isEqualTo("https://badges.test/public/credentials/" + answer.get("ids").get(7).asText());
        List<Integer> indexes = new ArrayList<>();
        for (JsonNode id : answer.get("ids")) {
            String credential = events(id.asText(), AssertionIssued.class).get(0).get("credential").asText();
            assertThat(OpenBadgeCredentialSchema.violations(credential)).as(id.asText()).isEmpty();
            JsonNode vc = json.readTree(credential);
            indexes.add(Integer.parseInt(vc.get("credentialStatus").get("statusListIndex").asText()));
        }
        assertThat(indexes).hasSize(50).doesNotHaveDuplicates().allSatisfy(i -> assertThat(i).isBetween(0, 131_071));
        // The list's first publication is an event too: let it land before another test counts events.
        await("the new list's first publication", () -> allPublished(issuerOf(badge)));
    }

    @Test
    void aRevocationIsPublishedInASignedStatusListWithExactlyItsBitSet() throws Exception {
        String badge = ob3BadgeClass("Revoking Org");
        String issuer = issuerOf(badge);
        String id = created(post("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"revoked@example.org"},"format":"ob3"}"""
                .formatted(badge)));
        int index = jdbc.sql("SELECT status_index FROM status_list_entry WHERE assertion_id = ?").param(id)
                .query(Integer.class).single();
        await("the new list's first publication", () -> allPublished(issuer));
        assertThat(BitstringStatusList.decode(encodedList(lastList(issuer))).cardinality()).isZero();

        assertThat(post("/api/v1/assertions/" + id + "/revoke", "{}").statusCode()).isEqualTo(200);

        await("the revocation's publication", () -> allPublished(issuer));
        String list = lastList(issuer);
        BitstringStatusList bits = BitstringStatusList.decode(encodedList(list));
        assertThat(bits.size()).isGreaterThanOrEqualTo(131_072);
        assertThat(bits.get(index)).isTrue();
        assertThat(bits.cardinality()).isEqualTo(1);
        Map.Entry<String, PublicKey> ed25519 = key(issuer, IssuerKeyAdded.ED25519);
        Verification proof = DataIntegrity.verify(list,
                VerificationMethodResolver.of(ed25519.getKey(), ed25519.getValue()));
        assertThat(proof.verified()).as(proof.toString()).isTrue();
        JsonNode doc = json.readTree(list);
        assertThat(doc.get("id").asText()).isEqualTo("https://badges.test/public/issuers/" + issuer + "/status/1");
        assertThat(doc.get("credentialSubject").get("ttl").asLong()).isEqualTo(60_000);
    }

    @Test
    void manyRevocationsArePublishedInFarFewerSignatures() throws Exception {
        String badge = ob3BadgeClass("Mass Revoking Org");
        String issuer = issuerOf(badge);
        List<Map<String, String>> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            recipients.add(Map.of("type", "email", "identity", "mass" + i + "@example.org"));
        }
        JsonNode ids = json.readTree(post("/api/v1/assertions/batch", json.writeValueAsString(
                Map.of("badgeClassId", badge, "recipients", recipients, "format", "ob3"))).body()).get("ids");
        await("the new list's first publication", () -> allPublished(issuer));
        int before = events(issuer, StatusListPublished.class).size();

        for (JsonNode id : ids) {
            assertThat(post("/api/v1/assertions/" + id.asText() + "/revoke", "{}").statusCode()).isEqualTo(200);
        }

        await("the revocations' publication", () -> allPublished(issuer));
        int signatures = events(issuer, StatusListPublished.class).size() - before;
        assertThat(signatures).as("list signatures for 30 revocations").isBetween(1, 15);
        assertThat(BitstringStatusList.decode(encodedList(lastList(issuer))).cardinality()).isEqualTo(30);
    }

    @Autowired
    StatusLists statusLists;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aProposedStatusIndexTakenMeanwhileIsDrawnAgainAndAStaleListIsAllocatedAfresh() throws Exception {
        String badge = ob3BadgeClass("Claiming Org");
        String issuer = issuerOf(badge);
        String taken = created(post("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"first@example.org"},"format":"ob3"}"""
                .formatted(badge)));
        int takenIndex = jdbc.sql("SELECT status_index FROM status_list_entry WHERE assertion_id = ?").param(taken)
                .query(Integer.class).single();
        await("the new list's first publication", () -> allPublished(issuer));
        Map<String, Long> before = counts();

        transactions.executeWithoutResult(status -> {
            statusLists.lock(issuer);
            List<OpenBadges3.StatusEntry> single = statusLists.claim(issuer, "1", List.of("x-1"), List.of(takenIndex));
            assertThat(single).hasSize(1);
            assertThat(single.get(0).listId()).isEqualTo("1");
            assertThat(single.get(0).index()).isNotEqualTo(takenIndex);
            List<String> many = new ArrayList<>();
            List<Integer> proposed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                many.add("x-many-" + i);
                proposed.add(i == 7 ? takenIndex : 1000 + i);
            }
            List<OpenBadges3.StatusEntry> batch = statusLists.claim(issuer, "1", many, proposed);
            assertThat(batch.get(0)).isEqualTo(new OpenBadges3.StatusEntry("1", 1000));
            assertThat(batch.get(7).index()).isNotIn(takenIndex, single.get(0).index());
            assertThat(batch.stream().map(OpenBadges3.StatusEntry::index).toList()).doesNotHaveDuplicates();
            List<OpenBadges3.StatusEntry> stale = statusLists.claim(issuer, "7", List.of("x-stale"), List.of(5));
            assertThat(stale.get(0).listId()).isEqualTo("1");
            status.setRollbackOnly();
        });

        assertThat(counts()).isEqualTo(before);
    }

    String lastList(String issuer) throws IOException {
        List<JsonNode> published = events(issuer, StatusListPublished.class);
        return published.get(published.size() - 1).get("credential").asText();
    }

    String encodedList(String listCredential) throws IOException {
        return json.readTree(listCredential).get("credentialSubject").get("encodedList").asText();
    }

    JsonNode assertProblem(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.hasNonNull("type")).isTrue();
        assertThat(problem.hasNonNull("title")).isTrue();
        assertThat(problem.hasNonNull("detail")).isTrue();
        return problem;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("issuer", "badge_class", "badge_class_image", "assertion", "idempotency_key",
                "issuer_key", "status_list", "status_list_entry", "domain_event_entry")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    String created(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body, Map.of());
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        return send("POST", path, body, headers);
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return send("PUT", path, body, Map.of());
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "Content-Type", "application/json", "Authorization", "Bearer " + KEY));
        all.putAll(headers);
        all.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> putImage(String badgeClass, String contentType, byte[] image) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/badge-classes/"
                        + badgeClass + "/image"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A write-model handler that fails after the issuer row of a poisoned name has been inserted. */
    @ProcessingGroup(WriteModel.GROUP)
    @Order
    static class FailingHandler {

        final AtomicBoolean sawItsRow = new AtomicBoolean();
        private final JdbcClient jdbc;

        FailingHandler(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(IssuerRegistered event) {
            if (POISON.equals(event.name())) {
                sawItsRow.set(jdbc.sql("SELECT count(*) FROM issuer WHERE id = ?").param(event.issuerId())
                        .query(Long.class).single() == 1);
                throw new IllegalStateException("injected failure");
            }
        }
    }

    @TestConfiguration
    static class FailureInjection {

        @Bean
        FailingHandler failingHandler(JdbcClient jdbc) {
            return new FailingHandler(jdbc);
        }
    }
}
