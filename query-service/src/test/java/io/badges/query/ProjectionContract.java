package io.badges.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.credentials.BitstringStatusList;
import io.badges.credentials.DataIntegrity;
import io.badges.credentials.IssuerKeys;
import io.badges.credentials.Multikey;
import io.badges.credentials.VcJwt;
import io.badges.credentials.VerificationMethodResolver;
import io.badges.events.BadgeEvent;
import io.badges.events.EventJson;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassImageChanged;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.events.badgeclass.Criteria;
import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.events.issuer.StatusListPublished;
import io.badges.persistence.DataSources;
import io.badges.testsupport.TestImages;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projection against real databases: events are appended to a real command-side event store
 * (migrated with the command migrations), the query service tails it and answers over HTTP.
 */
// two tries before a failing event is parked (dead letters), so that those tests wait seconds, not half a minute
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "badges.projection.max-attempts=2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProjectionContract {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient readTables;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ApplicationContext context;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    io.badges.query.config.QueryProperties properties;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    private TestEventStore eventStore;

    /** The command side's database as the query service is configured to read it. */
    abstract DataSources.Settings commandDatabase();

    private TestEventStore eventStore() {
        if (eventStore == null) {
            eventStore = new TestEventStore(commandDatabase(), serializer);
        }
        return eventStore;
    }

    @AfterAll
    void closeCommandDatabase() {
        if (eventStore != null) {
            eventStore.close();
        }
    }

    void append(BadgeEvent... events) {
        eventStore().append(events);
    }

    @Test
    void projectsTheWholeStoryAndShowsTheRevocation() throws Exception {
        String issuer = id();
        String badge = id();
        String assertion = id();
        append(new IssuerRegistered(issuer, "Org", "https://org.example", "b@org.example", null, null, T0),
                new BadgeClassDefined(badge, issuer, "Rust", "Knows Rust", null, new Criteria("ship", null),
                        List.of("lang"), T0),
                new AssertionIssued(assertion, badge, issuer, new Recipient("email", "sha256$ab", true, "s"),
                        List.of(), "well done", T0, T0.plusSeconds(3600), "hosted"));

        JsonNode view = awaitJson("/api/v1/assertions/" + assertion);
        assertThat(view.get("badgeClass").get("name").asText()).isEqualTo("Rust");
        assertThat(view.get("issuer").get("name").asText()).isEqualTo("Org");
        assertThat(view.get("recipient").get("identity").asText()).isEqualTo("sha256$ab");
        assertThat(view.get("issuedOn").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(view.get("revoked").asBoolean()).isFalse();

        append(new AssertionRevoked(assertion, badge, "mistake", T0.plusSeconds(60)),
                new BadgeClassUpdated(badge, issuer, "Rust 2", "Knows Rust well", null, new Criteria("ship", null),
                        List.of(), T0.plusSeconds(61)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode revoked = json.readTree(get("/api/v1/assertions/" + assertion).body());
            assertThat(revoked.get("revoked").asBoolean()).isTrue();
            assertThat(revoked.get("revocationReason").asText()).isEqualTo("mistake");
            assertThat(revoked.get("badgeClass").get("name").asText()).isEqualTo("Rust 2");
        });
        JsonNode badgeView = awaitJson("/api/v1/badge-classes/" + badge);
        assertThat(badgeView.get("issuer").get("id").asText()).isEqualTo(issuer);
        assertThat(awaitJson("/api/v1/issuers/" + issuer).get("url").asText()).isEqualTo("https://org.example");
    }

    @Test
    void servesOpenBadgesDocumentsWithKeysAndRevocations() throws Exception {
        String issuer = id();
        String badge = id();
        String kept = id();
        String revoked = id();
        String oldKey = id();
        String newKey = id();
        append(new IssuerRegistered(issuer, "Doc Org", "https://doc.example", "d@doc.example", null, null, T0),
                new IssuerKeyAdded(issuer, oldKey, "PEM-OLD", T0),
                new IssuerKeyAdded(issuer, newKey, "PEM-NEW", T0.plusSeconds(1)),
                new BadgeClassDefined(badge, issuer, "Docs", "Writes docs", "https://doc.example/b.png",
                        new Criteria("write", "https://doc.example/how"), List.of("docs"), T0),
                new AssertionIssued(kept, badge, issuer, new Recipient("email", "sha256$cd", true, "s"),
                        List.of(new io.badges.events.assertion.Evidence("https://doc.example/e", "proof")), null, T0,
                        null, "hosted"),
                new AssertionIssued(revoked, badge, issuer, new Recipient("email", "sha256$ef", true, "t"),
                        List.of(), null, T0, null, "hosted"),
                new AssertionRevoked(revoked, badge, "fraud", T0.plusSeconds(9)));
        String base = "https://badges.test";
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/public/assertions/" + revoked).statusCode() == 410);

        JsonNode profile = awaitJson("/public/issuers/" + issuer);
        assertThat(profile.get("id").asText()).isEqualTo(base + "/public/issuers/" + issuer);
        assertThat(profile.get("type").asText()).isEqualTo("Issuer");
        assertThat(profile.get("publicKey").toString()).contains(base + "/public/keys/" + oldKey)
                .contains(base + "/public/keys/" + newKey);
        assertThat(profile.get("revocationList").asText()).isEqualTo(base + "/public/issuers/" + issuer + "/revocations");
        JsonNode key = awaitJson("/public/keys/" + oldKey);
        assertThat(key.get("owner").asText()).isEqualTo(profile.get("id").asText());
        assertThat(key.get("publicKeyPem").asText()).isEqualTo("PEM-OLD");
        JsonNode badgeDoc = awaitJson("/public/badges/" + badge);
        assertThat(badgeDoc.get("issuer").asText()).isEqualTo(profile.get("id").asText());
        assertThat(badgeDoc.get("criteria").get("id").asText()).isEqualTo("https://doc.example/how");
        JsonNode hosted = awaitJson("/public/assertions/" + kept);
        assertThat(hosted.get("badge").asText()).isEqualTo(base + "/public/badges/" + badge);
        assertThat(hosted.get("verification").get("type").asText()).isEqualTo("hosted");
        assertThat(hosted.get("evidence").get(0).get("id").asText()).isEqualTo("https://doc.example/e");
        JsonNode gone = json.readTree(get("/public/assertions/" + revoked).body());
        assertThat(gone.get("revoked").asBoolean()).isTrue();
        assertThat(gone.get("revocationReason").asText()).isEqualTo("fraud");
        JsonNode list = awaitJson("/public/issuers/" + issuer + "/revocations");
        assertThat(list.get("revokedAssertions")).hasSize(1);
        assertThat(list.get("revokedAssertions").get(0).get("id").asText()).isEqualTo(base + "/public/assertions/" + revoked);
        assertThat(get("/public/assertions/" + kept + ".jws").statusCode()).isEqualTo(404);
    }

    @Test
    void showsTheProfileUpdateAndTheNewKeyOfAnIssuerAlreadyRead() throws Exception {
        String issuer = id();
        String badge = id();
        String key = id();
        append(new IssuerRegistered(issuer, "Old Org", "https://old.example", "o@old.example", null, null, T0),
                new BadgeClassDefined(badge, issuer, "Kept", "Stays", null, new Criteria("c", null), List.of(), T0));
        // read first, so that what changes next has been cached
        assertThat(awaitJson("/api/v1/issuers/" + issuer).get("name").asText()).isEqualTo("Old Org");
        assertThat(awaitJson("/public/issuers/" + issuer).has("publicKey")).isFalse();
        assertThat(awaitJson("/api/v1/badge-classes/" + badge).get("issuer").get("name").asText()).isEqualTo("Old Org");

        append(new IssuerProfileUpdated(issuer, "New Org", "https://new.example", "n@new.example", "described", null,
                        T0.plusSeconds(30)),
                new IssuerKeyAdded(issuer, key, "PEM-KEY", T0.plusSeconds(31)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode profile = json.readTree(get("/api/v1/issuers/" + issuer).body());
            assertThat(profile.get("name").asText()).isEqualTo("New Org");
            assertThat(profile.get("url").asText()).isEqualTo("https://new.example");
            assertThat(profile.get("email").asText()).isEqualTo("n@new.example");
            assertThat(profile.get("description").asText()).isEqualTo("described");
            assertThat(profile.get("createdAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
            assertThat(profile.get("updatedAt").asText()).isEqualTo("2026-11-22T10:00:30Z");
            JsonNode document = json.readTree(get("/public/issuers/" + issuer).body());
            assertThat(document.get("name").asText()).isEqualTo("New Org");
            assertThat(document.get("publicKey").toString()).contains("https://badges.test/public/keys/" + key);
            assertThat(json.readTree(get("/api/v1/badge-classes/" + badge).body()).get("issuer").get("name").asText())
                    .isEqualTo("New Org");
        });
        assertThat(awaitJson("/public/keys/" + key).get("publicKeyPem").asText()).isEqualTo("PEM-KEY");
        // the key, the issuer's third event, is its version too: a cached key list is reloaded
        assertThat(readTables.sql("SELECT last_seq FROM issuer_view WHERE id = ?").param(issuer).query(Long.class)
                .single()).isEqualTo(2L);
    }

    @Test
    void servesTheUploadedPictureWithItsTypeAndETagAndRevalidates() throws Exception {
        String issuer = id();
        String badge = id();
        byte[] png = TestImages.png(24, 0);
        append(new IssuerRegistered(issuer, "Pic Org", "https://pic.example", "p@pic.example", null, null, T0),
                new BadgeClassDefined(badge, issuer, "Pictured", "Has a picture", null, new Criteria("c", null),
                        List.of(), T0),
                picture(badge, issuer, png, T0.plusSeconds(1)));
        String path = "/public/badges/" + badge + "/image";
        await().atMost(Duration.ofSeconds(10)).until(() -> "image/png".equals(header(getBytes(path), "Content-Type")));

        HttpResponse<byte[]> image = getBytes(path);
        String etag = "\"" + TestImages.sha256(png) + "\"";
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(png);
        assertThat(header(image, "Content-Type")).isEqualTo("image/png");
        assertThat(header(image, "ETag")).isEqualTo(etag);
        assertThat(header(image, "Cache-Control")).isEqualTo("public, max-age=300, stale-while-revalidate=60");
        assertThat(header(image, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(image, "Content-Security-Policy")).isNull();

        HttpResponse<byte[]> revalidated = getBytes(path, "If-None-Match", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(header(revalidated, "ETag")).isEqualTo(etag);
        assertThat(getBytes(path, "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        assertThat(getBytes(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

        JsonNode document = awaitJson("/public/badges/" + badge);
        assertThat(document.get("image").asText()).isEqualTo("https://badges.test" + path);
        assertThat(awaitJson("/api/v1/badge-classes/" + badge).has("image")).isFalse();
    }

    @Test
    void withoutAnUploadTheImageIsTheIssuersUrlOrAGeneratedPicture() throws Exception {
        String issuer = id();
        String linked = id();
        String plain = id();
        String url = "https://pics.example/linked.png";
        append(new IssuerRegistered(issuer, "Fall Org", "https://fall.example", "f@fall.example", null, null, T0),
                new BadgeClassDefined(linked, issuer, "Linked", "Has a URL", url, new Criteria("c", null), List.of(),
                        T0),
                new BadgeClassDefined(plain, issuer, "Plain badge", "Has nothing", null, new Criteria("c", null),
                        List.of(), T0));
        String linkedPath = "/public/badges/" + linked + "/image";
        String plainPath = "/public/badges/" + plain + "/image";
        await().atMost(Duration.ofSeconds(10)).until(() -> getBytes(plainPath).statusCode() == 200);

        HttpResponse<byte[]> redirect = getBytes(linkedPath);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(header(redirect, "Location")).isEqualTo(url);
        HttpResponse<byte[]> generated = getBytes(plainPath);
        BadgeImages.Image expected = BadgeImages.generated(plain, "Plain badge");
        assertThat(generated.body()).isEqualTo(expected.bytes());
        assertThat(header(generated, "Content-Type")).isEqualTo("image/svg+xml");
        assertThat(header(generated, "ETag")).isEqualTo("\"" + expected.sha256() + "\"");
        assertThat(header(generated, "Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        assertThat(header(generated, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(awaitJson("/api/v1/badge-classes/" + linked).get("image").asText()).isEqualTo(url);
        assertThat(awaitJson("/public/badges/" + linked).get("image").asText())
                .isEqualTo("https://badges.test" + linkedPath);

        // a rename shows in the generated picture at once, though it was cached
        append(new BadgeClassUpdated(plain, issuer, "Renamed", "Has nothing", null, new Criteria("c", null),
                List.of(), T0.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(getBytes(plainPath).body())
                .isEqualTo(BadgeImages.generated(plain, "Renamed").bytes()));

        byte[] png = TestImages.png(16, 3);
        append(picture(linked, issuer, png, T0.plusSeconds(2)), picture(plain, issuer, png, T0.plusSeconds(2)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(getBytes(linkedPath).body()).isEqualTo(png);
            assertThat(getBytes(plainPath).body()).isEqualTo(png);
        });

        append(BadgeClassImageChanged.removed(linked, issuer, T0.plusSeconds(3)),
                BadgeClassImageChanged.removed(plain, issuer, T0.plusSeconds(3)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(getBytes(linkedPath).statusCode()).isEqualTo(302);
            assertThat(getBytes(plainPath).body()).isEqualTo(BadgeImages.generated(plain, "Renamed").bytes());
        });
        assertThat(readTables.sql("SELECT image IS NULL AND sha256 IS NULL FROM badge_class_image WHERE badge_class_id = ?")
                .param(plain).query(Boolean.class).single()).isTrue();

        for (String path : List.of("/public/badges/" + id() + "/image", "/public/assertions/" + id() + "/image")) {
            HttpResponse<byte[]> unknown = getBytes(path, "Accept", "image/png");
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(header(unknown, "Content-Type")).isEqualTo("application/problem+json");
        }
    }

    @Test
    void bakesTheAssertionIntoItsBadgeImageAsItsDocumentIsServed() throws Exception {
        String issuer = id();
        String pictured = id();
        String plain = id();
        String linked = id();
        String onPicture = id();
        String onPlain = id();
        String onLinked = id();
        String signed = id();
        byte[] png = TestImages.png(20, 4);
        String payload = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"urn:uuid:"
                + signed + "\"}";
        String jws = base64("{\"alg\":\"RS256\"}") + "." + base64(payload) + "." + base64("signature");
        append(new IssuerRegistered(issuer, "Bake Org", "https://bake.example", "b@bake.example", null, null, T0),
                new BadgeClassDefined(pictured, issuer, "Pictured", "D", null, new Criteria("c", null), List.of(), T0),
                picture(pictured, issuer, png, T0),
                new BadgeClassDefined(plain, issuer, "Plain", "D", null, new Criteria("c", null), List.of(), T0),
                new BadgeClassDefined(linked, issuer, "Linked", "D", "https://pics.example/l.png",
                        new Criteria("c", null), List.of(), T0),
                new AssertionIssued(onPicture, pictured, issuer, new Recipient("email", "sha256$ab", true, "s"),
                        List.of(new Evidence("https://bake.example/e", "proof")), "baked", T0, null, "hosted"),
                // CDATA cannot hold "]]>" as it is: the SVG must still carry the document to the byte
                new AssertionIssued(onPlain, plain, issuer, new Recipient("email", "sha256$cd", true, "s"),
                        List.of(new Evidence(null, "it ]]> works")), null, T0, null, "hosted"),
                new AssertionIssued(onLinked, linked, issuer, new Recipient("email", "sha256$ef", true, "s"),
                        List.of(), null, T0, null, "hosted"),
                new AssertionIssued(signed, pictured, issuer, new Recipient("email", "sha256$gh", true, "s"),
                        List.of(), null, T0, null, "signed", jws, null));
        String path = "/public/assertions/" + onPicture + "/image";
        await().atMost(Duration.ofSeconds(10)).until(() -> getBytes("/public/assertions/" + signed + "/image")
                .statusCode() == 200 && "image/png".equals(header(getBytes(path), "Content-Type")));

        byte[] document = getBytes("/public/assertions/" + onPicture).body();
        HttpResponse<byte[]> image = getBytes(path);
        BadgeImages.Unbaked unbaked = BadgeImages.unbake(image.body()).orElseThrow();
        assertThat(unbaked.type()).isEqualTo(ImageType.PNG);
        assertThat(unbaked.generation()).isEqualTo(BadgeImages.Generation.OB2);
        assertThat(unbaked.data().getBytes(StandardCharsets.UTF_8)).isEqualTo(document);
        assertThat(image.body()).isEqualTo(BadgeImages.bakeHosted(new BadgeImages.Image(ImageType.PNG, png),
                "https://badges.test/public/assertions/" + onPicture, new String(document, StandardCharsets.UTF_8)));
        String etag = "\"" + TestImages.sha256(image.body()) + "\"";
        assertThat(header(image, "Content-Type")).isEqualTo("image/png");
        assertThat(header(image, "ETag")).isEqualTo(etag);
        assertThat(header(image, "Content-Disposition")).isEqualTo("inline; filename=\"badge-" + onPicture + ".png\"");
        assertThat(header(image, "Cache-Control")).isEqualTo("public, max-age=300, stale-while-revalidate=60");
        assertThat(header(image, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(getBytes(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(getBytes(path).body()).isEqualTo(image.body());
        // 1EdTech's OB 2.0 validator asks for JSON whatever it fetches: the JWS must not fall to the JSON route
        HttpResponse<byte[]> signedAsJson = getBytes("/public/assertions/" + signed + ".jws", "Accept",
                "application/ld+json, application/json, image/png, image/svg+xml");
        assertThat(signedAsJson.statusCode()).isEqualTo(200);
        assertThat(new String(signedAsJson.body(), StandardCharsets.UTF_8)).isEqualTo(jws);
        assertThat(header(signedAsJson, "Content-Type")).startsWith("text/plain");

        for (String assertion : List.of(onPlain, onLinked)) {
            HttpResponse<byte[]> svg = getBytes("/public/assertions/" + assertion + "/image");
            assertThat(header(svg, "Content-Type")).isEqualTo("image/svg+xml");
            assertThat(header(svg, "Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox");
            assertThat(header(svg, "Content-Disposition")).isEqualTo("inline; filename=\"badge-" + assertion + ".svg\"");
            BadgeImages.Unbaked fromSvg = BadgeImages.unbake(svg.body()).orElseThrow();
            assertThat(fromSvg.type()).isEqualTo(ImageType.SVG);
            assertThat(fromSvg.data().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(getBytes("/public/assertions/" + assertion).body());
        }
        assertThat(BadgeImages.unbake(getBytes("/public/assertions/" + signed + "/image").body()).orElseThrow().data())
                .isEqualTo(jws);

        // the baked image is a badge: presented to the verifier, it verifies as its document does
        JsonNode verified = json.readTree(post("/api/v1/verify", "image/png", image.body()).body());
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("format").asText()).isEqualTo("ob20-hosted");
        assertThat(verified.get("baked").asBoolean()).isTrue();

        // a new picture bakes anew
        byte[] newer = TestImages.png(20, 5);
        append(picture(pictured, issuer, newer, T0.plusSeconds(1)));
        byte[] expected = BadgeImages.bakeHosted(new BadgeImages.Image(ImageType.PNG, newer),
                "https://badges.test/public/assertions/" + onPicture, new String(document, StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(getBytes(path).body()).isEqualTo(expected));
        assertThat(getBytes(path, "If-None-Match", etag).statusCode()).isEqualTo(200);

        // a revocation shows at once, though the image was baked and cached
        append(new AssertionRevoked(onPicture, pictured, "fraud", T0.plusSeconds(2)));
        await().atMost(Duration.ofSeconds(10)).until(() -> getBytes(path).statusCode() == 410);
        HttpResponse<byte[]> gone = getBytes(path, "Accept", "image/png");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(header(gone, "Content-Type")).isEqualTo("application/problem+json");
        assertThat(json.readTree(gone.body()).get("detail").asText()).contains("fraud");
    }

    private static final OpenBadges3 OB3 = new OpenBadges3(new PublicUrls("https://badges.test"));

    /** An OB 3.0 credential signed as the command side signs it: Data Integrity (Ed25519), then a VC-JWT (P-256). */
    private static String[] signedCredential(String issuer, String badge, String assertion, KeyPair ed25519,
                                             String edKeyId, KeyPair p256, String esKeyId) {
        Map<String, Object> unsigned = OB3.credential(
                new OpenBadges3.Issuer(issuer, "Cred Org", "https://cred.example", "c@cred.example"),
                new OpenBadges3.Achievement(badge, "Signing", "Signs credentials", new Criteria("sign", null),
                        OB3.urls().badgeImage(badge)),
                new OpenBadges3.Award(assertion, new Recipient("email", "sha256$ab", true, "s"), T0, null,
                        new OpenBadges3.StatusEntry("1", 4242)));
        String credential = DataIntegrity.sign(unsigned, ed25519.getPrivate(), OB3.verificationMethod(issuer, edKeyId),
                T0);
        return new String[] {credential, VcJwt.sign(credential, p256.getPrivate(), OB3.verificationMethod(issuer, esKeyId))};
    }

    @Test
    void servesTheSignedCredentialByteForByteAndTheDidDocumentThatVerifiesIt() throws Exception {
        String issuer = id();
        String badge = id();
        String ob3 = id();
        String ob2 = id();
        String edKey = id();
        String esKey = id();
        KeyPair ed25519 = IssuerKeys.generateEd25519();
        KeyPair p256 = IssuerKeys.generateP256();
        String[] signed = signedCredential(issuer, badge, ob3, ed25519, edKey, p256, esKey);
        byte[] png = TestImages.png(20, 6);
        append(new IssuerRegistered(issuer, "Cred Org", "https://cred.example", "c@cred.example", null, null, T0),
                new IssuerKeyAdded(issuer, id(), "PEM-RSA", T0, IssuerKeyAdded.RS256),
                new IssuerKeyAdded(issuer, edKey, IssuerKeys.pem(ed25519.getPublic()), T0.plusSeconds(1),
                        IssuerKeyAdded.ED25519),
                new BadgeClassDefined(badge, issuer, "Signing", "Signs credentials", null, new Criteria("sign", null),
                        List.of(), T0),
                picture(badge, issuer, png, T0),
                AssertionIssued.ob3(ob3, badge, issuer, new Recipient("email", "sha256$ab", true, "s"), List.of(), null,
                        T0, null, null, signed[0], signed[1]),
                new AssertionIssued(ob2, badge, issuer, new Recipient("email", "sha256$cd", true, "s"), List.of(), null,
                        T0, null, "hosted"));
        String path = "/public/credentials/" + ob3;
        await().atMost(Duration.ofSeconds(10)).until(() -> getBytes(path).statusCode() == 200
                && get("/api/v1/assertions/" + ob2).statusCode() == 200);

        HttpResponse<byte[]> credential = getBytes(path);
        assertThat(credential.body()).isEqualTo(signed[0].getBytes(StandardCharsets.UTF_8));
        assertThat(header(credential, "Content-Type")).isEqualTo("application/vc");
        HttpResponse<byte[]> jwt = getBytes(path + ".jwt");
        assertThat(jwt.statusCode()).isEqualTo(200);
        assertThat(jwt.body()).isEqualTo(signed[1].getBytes(StandardCharsets.US_ASCII));
        assertThat(header(jwt, "Content-Type")).startsWith("text/plain");

        // read (and cached) before the JWT key is published: the key must show up all the same
        String didPath = "/public/issuers/" + issuer + "/did.json";
        assertThat(awaitJson(didPath).get("verificationMethod")).hasSize(1);
        append(new IssuerKeyAdded(issuer, esKey, IssuerKeys.pem(p256.getPublic()), T0.plusSeconds(2),
                IssuerKeyAdded.ES256));
        await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(get(didPath).body())
                .get("verificationMethod").size() == 2);
        HttpResponse<String> didAnswer = get(didPath);
        assertThat(header(didAnswer, "Content-Type")).isEqualTo("application/did+json");
        JsonNode did = json.readTree(didAnswer.body());
        String issuerDid = OB3.issuerDid(issuer);
        assertThat(did.get("id").asText()).isEqualTo(issuerDid);
        assertThat(did.get("assertionMethod").toString()).contains(issuerDid + "#" + edKey, issuerDid + "#" + esKey);
        Map<String, PublicKey> multikeys = new HashMap<>();
        PublicKey jwk = null;
        for (JsonNode method : did.get("verificationMethod")) {
            assertThat(method.get("controller").asText()).isEqualTo(issuerDid);
            if (method.get("type").asText().equals("Multikey")) {
                assertThat(method.get("id").asText()).isEqualTo(issuerDid + "#" + edKey);
                assertThat(method.get("publicKeyMultibase").asText()).isEqualTo(Multikey.encode(ed25519.getPublic()));
                multikeys.put(method.get("id").asText(), Multikey.decodePublicKey(method.get("publicKeyMultibase").asText()));
            } else {
                assertThat(method.get("type").asText()).isEqualTo("JsonWebKey");
                assertThat(method.get("id").asText()).isEqualTo(issuerDid + "#" + esKey);
                jwk = IssuerKeys.fromJwk(json.convertValue(method.get("publicKeyJwk"), Map.class));
            }
        }
        // the served credential verifies with the key resolved from the served DID document, and so does its JWT
        var verified = DataIntegrity.verify(new String(credential.body(), StandardCharsets.UTF_8),
                VerificationMethodResolver.of(multikeys));
        assertThat(verified.verified()).as(verified.detail()).isTrue();
        assertThat(verified.keyId()).isEqualTo(issuerDid + "#" + edKey);
        assertThat(VcJwt.verify(new String(jwt.body(), StandardCharsets.US_ASCII), jwk).verified()).isTrue();

        JsonNode view = awaitJson("/api/v1/assertions/" + ob3);
        assertThat(view.get("format").asText()).isEqualTo("ob3");
        assertThat(view.get("credentialUrl").asText()).isEqualTo("https://badges.test" + path);
        JsonNode ob2View = awaitJson("/api/v1/assertions/" + ob2);
        assertThat(ob2View.get("format").asText()).isEqualTo("ob2");
        assertThat(ob2View.has("credentialUrl")).isFalse();

        // the image bakes in exactly the served credential
        HttpResponse<byte[]> image = getBytes(path + "/image");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(header(image, "Content-Type")).isEqualTo("image/png");
        assertThat(header(image, "Cache-Control")).isEqualTo("public, max-age=300, stale-while-revalidate=60");
        BadgeImages.Unbaked unbaked = BadgeImages.unbake(image.body()).orElseThrow();
        assertThat(unbaked.generation()).isEqualTo(BadgeImages.Generation.OB3);
        assertThat(unbaked.data().getBytes(StandardCharsets.UTF_8)).isEqualTo(credential.body());
        String etag = "\"" + TestImages.sha256(image.body()) + "\"";
        assertThat(header(image, "ETag")).isEqualTo(etag);
        assertThat(getBytes(path + "/image", "If-None-Match", etag).statusCode()).isEqualTo(304);
        // the OB 2.0 image of another award of the same picture is another image
        assertThat(BadgeImages.unbake(getBytes("/public/assertions/" + ob2 + "/image").body()).orElseThrow()
                .generation()).isEqualTo(BadgeImages.Generation.OB2);

        for (String unknown : List.of("/public/credentials/" + ob2, "/public/credentials/" + ob2 + ".jwt",
                "/public/credentials/" + ob2 + "/image", "/public/credentials/" + id(),
                "/public/issuers/" + id() + "/did.json")) {
            HttpResponse<String> answer = get(unknown);
            assertThat(answer.statusCode()).as(unknown).isEqualTo(404);
            assertThat(header(answer, "Content-Type")).as(unknown).isEqualTo("application/problem+json");
        }

        // answered from the caches where this instance may trust them: more reads load nothing more
        Map<String, Long> loaded = Map.of("credential", loads("credential"), "issuer-did", loads("issuer-did"));
        assertThat(loaded.values()).as("the caches are on and were filled").allMatch(count -> count > 0);
        for (int i = 0; i < 3; i++) {
            assertThat(getBytes(path).body()).isEqualTo(credential.body());
            assertThat(getBytes(path + ".jwt").body()).isEqualTo(jwt.body());
            assertThat(get(didPath).body()).isEqualTo(didAnswer.body());
        }
        if (cachesAnswer()) {
            assertThat(Map.of("credential", loads("credential"), "issuer-did", loads("issuer-did"))).isEqualTo(loaded);
        }

        // revoked: the image is gone, the credential is still served (its status list tells)
        append(new AssertionRevoked(ob3, badge, "fraud", T0.plusSeconds(3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> getBytes(path + "/image").statusCode() == 410);
        assertThat(getBytes(path).body()).isEqualTo(signed[0].getBytes(StandardCharsets.UTF_8));
        assertThat(getBytes(path + ".jwt").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheLatestStatusListWithItsTtlAsMaxAgeAndIgnoresAnOlderOne() throws Exception {
        String issuer = id();
        KeyPair ed25519 = IssuerKeys.generateEd25519();
        BitstringStatusList bits = new BitstringStatusList();
        String first = statusList(issuer, "1", bits, 60_000L, ed25519);
        bits.set(4242, true);
        String second = statusList(issuer, "1", bits, 120_000L, ed25519);
        String noTtl = statusList(issuer, "2", new BitstringStatusList(), null, ed25519);
        append(new IssuerRegistered(issuer, "List Org", "https://list.example", "l@list.example", null, null, T0),
                new StatusListPublished(issuer, "1", 1, first, T0),
                new StatusListPublished(issuer, "2", 1, noTtl, T0));
        String path = "/public/issuers/" + issuer + "/status/1";
        await().atMost(Duration.ofSeconds(10)).until(() -> getBytes(path).statusCode() == 200
                && getBytes("/public/issuers/" + issuer + "/status/2").statusCode() == 200);

        HttpResponse<byte[]> list = getBytes(path);
        assertThat(list.body()).isEqualTo(first.getBytes(StandardCharsets.UTF_8));
        assertThat(header(list, "Content-Type")).isEqualTo("application/vc");
        assertThat(header(list, "Cache-Control")).contains("max-age=60").contains("public");
        String etag = header(list, "ETag");
        assertThat(etag).isEqualTo("\"" + TestImages.sha256(first.getBytes(StandardCharsets.UTF_8)) + "\"");
        HttpResponse<byte[]> revalidated = getBytes(path, "If-None-Match", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(header(getBytes("/public/issuers/" + issuer + "/status/2"), "Cache-Control"))
                .contains("max-age=300");

        append(new StatusListPublished(issuer, "1", 2, second, T0.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getBytes(path).body()).isEqualTo(second.getBytes(StandardCharsets.UTF_8)));
        assertThat(header(getBytes(path), "Cache-Control")).contains("max-age=120");
        assertThat(getBytes(path, "If-None-Match", etag).statusCode()).isEqualTo(200);
        JsonNode served = json.readTree(getBytes(path).body());
        assertThat(BitstringStatusList.decode(served.get("credentialSubject").get("encodedList").asText()).get(4242))
                .isTrue();

        long statusLoads = loads("status-list");
        assertThat(statusLoads).isPositive();
        for (int i = 0; i < 3; i++) {
            assertThat(getBytes(path).body()).isEqualTo(second.getBytes(StandardCharsets.UTF_8));
        }
        if (cachesAnswer()) {
            assertThat(loads("status-list")).as("status list reads answered from the cache").isEqualTo(statusLoads);
        }

        // the older list delivered again, later in the stream: the highest version stays
        append(new StatusListPublished(issuer, "1", 1, first, T0.plusSeconds(2)));
        long head = lastGlobalIndex();
        await().atMost(Duration.ofSeconds(10)).until(() -> tokenIndex() == head);
        assertThat(getBytes(path).body()).isEqualTo(second.getBytes(StandardCharsets.UTF_8));
        assertThat(readTables.sql("SELECT version FROM status_list_view WHERE issuer_id = ? AND list_id = '1'")
                .param(issuer).query(Long.class).single()).isEqualTo(2L);

        for (String unknown : List.of("/public/issuers/" + issuer + "/status/9", "/public/issuers/" + id() + "/status/1")) {
            HttpResponse<String> answer = get(unknown);
            assertThat(answer.statusCode()).as(unknown).isEqualTo(404);
            assertThat(header(answer, "Content-Type")).isEqualTo("application/problem+json");
        }
    }

    /**
     * Whether this instance answers from its caches: L1 is trusted in a single process, or with Redis
     * (replicated without Redis, every read loads: no invalidation could reach the other instances).
     */
    private boolean cachesAnswer() {
        return properties.cache().enabled()
                && (properties.deployment() == io.badges.web.Deployment.SINGLE_PROCESS || properties.cache().redis());
    }

    /** Database loads of one cache so far (its misses). */
    private long loads(String cache) {
        return meters.get("badges.cache.load").tag("cache", cache).timer().count();
    }

    private static String statusList(String issuer, String listId, BitstringStatusList bits, Long ttlMillis,
                                     KeyPair ed25519) {
        Map<String, Object> unsigned = OB3.statusListCredential(issuer, listId, bits.encode(), T0, null);
        if (ttlMillis != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> subject = (Map<String, Object>) unsigned.get("credentialSubject");
            subject.put("ttl", ttlMillis);
        }
        return DataIntegrity.sign(unsigned, ed25519.getPrivate(), OB3.verificationMethod(issuer, "key-1"), T0);
    }

    /** EventJson is the contract; Axon's event serializer, which writes the event store and Kafka, must agree. */
    @Test
    void theEventSerializerWritesTheContractsJson() {
        Instant at = Instant.parse("2026-11-22T10:15:30.123456Z");
        List<BadgeEvent> events = List.of(
                new IssuerRegistered("i1", "Org", "https://org.example", "b@org.example", null, null, at),
                new IssuerProfileUpdated("i1", "Org 2", "https://org.example", "b@org.example", "d", null, at),
                new IssuerKeyAdded("i1", "k1", "PEM", at),
                new StatusListPublished("i1", "1", 3, "{\"id\":\"list\"}", at),
                new BadgeClassDefined("b1", "i1", "B", "D", null, new Criteria("n", null), List.of("t"), at),
                new BadgeClassUpdated("b1", "i1", "B", "D", null, new Criteria(null, "https://c.example"), List.of(), at),
                new AssertionIssued("a1", "b1", "i1", new Recipient("email", "sha256$ab", true, null),
                        List.of(new Evidence("https://e.example", null)), null, at, null, "hosted"),
                new AssertionRevoked("a1", "b1", null, at),
                new BadgeClassImageChanged("b1", "i1", "image/png", TestImages.png(4, 0),
                        TestImages.sha256(TestImages.png(4, 0)), at));

        assertThat(events.stream().map(EventJson::typeName)).containsExactlyInAnyOrderElementsOf(
                EventJson.TYPES.stream().map(Class::getSimpleName).toList());
        for (BadgeEvent event : events) {
            assertThat(new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8))
                    .as(EventJson.typeName(event))
                    .isEqualTo(new String(EventJson.write(event), StandardCharsets.UTF_8));
        }
    }

    @Test
    void pagesThroughTenThousandAssertionsWithoutGapsOrDuplicatesWhileNewOnesArrive() throws Exception {
        String issuer = id();
        String badge = id();
        append(new IssuerRegistered(issuer, "Big Org", "https://big.example", "b@big.example", null, null, T0),
                new BadgeClassDefined(badge, issuer, "Popular", "Everyone has it", null, new Criteria("be", null),
                        List.of(), T0));
        java.util.Set<String> awarded = new java.util.HashSet<>();
        List<BadgeEvent> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String id = id();
            awarded.add(id);
            // many share an issue instant, so the id must break ties in the keyset
            batch.add(new AssertionIssued(id, badge, issuer, new Recipient("email", "sha256$" + i, true, "s"),
                    List.of(), null, T0.plusSeconds(i / 7), null, "hosted"));
        }
        append(batch.toArray(BadgeEvent[]::new));
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(
                get("/api/v1/badge-classes/" + badge + "/assertions?limit=1").body()).get("items").size() == 1
                && tokenIndex() == lastGlobalIndex());

        java.util.List<String> walked = new java.util.ArrayList<>();
        java.util.Set<String> arrivedDuringTheWalk = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json.readTree(get("/api/v1/badge-classes/" + badge + "/assertions?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor)).body());
            page.get("items").forEach(item -> walked.add(item.get("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            if (pages++ % 10 == 0) {
                String late = id();
                arrivedDuringTheWalk.add(late);
                append(new AssertionIssued(late, badge, issuer, new Recipient("email", "sha256$late", true, "s"),
                        List.of(), null, T0.plusSeconds(100_000 + pages), null, "hosted"));
            }
        } while (cursor != null);

        assertThat(walked).doesNotHaveDuplicates();
        assertThat(new java.util.HashSet<>(walked)).containsAll(awarded);
        assertThat(walked.stream().filter(id -> !awarded.contains(id))).allMatch(arrivedDuringTheWalk::contains);
        assertThat(pages).isGreaterThanOrEqualTo(100);
    }

    @Test
    void refusesBadPagingParameters() throws Exception {
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "cursor=not-a-cursor")) {
            HttpResponse<String> response = get("/api/v1/issuers/" + id() + "/badge-classes?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        assertThat(get("/api/v1/issuers/" + id() + "/badge-classes").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/assertions").statusCode()).isEqualTo(400);
    }

    @Test
    void answersUnknownIdsWithAProblem() throws Exception {
        for (String path : List.of("/api/v1/issuers/", "/api/v1/badge-classes/", "/api/v1/assertions/")) {
            HttpResponse<String> response = get(path + "x'%20OR%20'1'='1");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void replayingEveryEventChangesNothingAndTheTokenCommitsWithTheRows() throws Exception {
        String issuer = id();
        String badge = id();
        String assertion = id();
        append(new IssuerRegistered(issuer, "Replay Org", "https://r.example", "r@r.example", "d", null, T0),
                new BadgeClassDefined(badge, issuer, "B", "D", null, new Criteria(null, "https://r.example/c"),
                        List.of(), T0),
                new AssertionIssued(assertion, badge, issuer, new Recipient("email", "bob@r.example", false, null),
                        List.of(), null, T0, null, "hosted"),
                new AssertionRevoked(assertion, badge, "r", T0.plusSeconds(5)),
                picture(badge, issuer, TestImages.png(8, 1), T0.plusSeconds(6)),
                picture(badge, issuer, TestImages.png(8, 2), T0.plusSeconds(7)),
                new StatusListPublished(issuer, "1", 1, "{\"v\":1}", T0.plusSeconds(8)),
                new StatusListPublished(issuer, "1", 2, "{\"v\":2}", T0.plusSeconds(9)));
        // path, not get: until the assertion is projected the answer is a 404 problem, without "revoked"
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json.readTree(get("/api/v1/assertions/" + assertion).body()).path("revoked").asBoolean())
                        .isTrue());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getBytes("/public/badges/" + badge + "/image").body()).isEqualTo(TestImages.png(8, 2)));
        long head = lastGlobalIndex();
        await().atMost(Duration.ofSeconds(10)).until(() -> tokenIndex() == head);
        Map<String, List<Map<String, Object>>> before = snapshot();

        TrackingEventProcessor processor = processing.eventProcessor(ReadModel.GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(tokenIndex()).as("position after the reset").isLessThan(head);
        processor.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> tokenIndex() == head);

        assertThat(snapshot()).isEqualTo(before);

        // the older picture delivered once more, on its own (a redelivery), is turned away by last_seq
        BadgeClassImageChanged older = picture(badge, issuer, TestImages.png(8, 1), T0.plusSeconds(6));
        new AnnotationEventHandlerAdapter(context.getBean("badgeImageProjection")).handle(
                new GenericDomainEventMessage<>("BadgeClassImageChanged", badge, 1L, older));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(getBytes("/public/badges/" + badge + "/image").body()).isEqualTo(TestImages.png(8, 2));
    }

    private long lastGlobalIndex() {
        return JdbcClient.create(eventStore().database()).sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class).single();
    }

    private long tokenIndex() {
        TrackingToken token = tokenStore.fetchToken(ReadModel.GROUP, 0);
        // during a replay this is the replay's own position, not the position the reset started from
        return token == null ? -1 : token.position().orElse(-1);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new HashMap<>();
        for (String table : List.of("issuer_view", "issuer_key_view", "badge_class_view", "assertion_view")) {
            tables.put(table, readTables.sql("SELECT * FROM " + table + " ORDER BY id").query().listOfRows());
        }
        tables.put("status_list_view", readTables.sql("SELECT * FROM status_list_view ORDER BY issuer_id, list_id")
                .query().listOfRows());
        // bytes as hex: arrays compare by identity
        tables.put("badge_class_image", readTables.sql("SELECT * FROM badge_class_image ORDER BY badge_class_id")
                .query().listOfRows().stream().map(row -> {
                    Map<String, Object> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    row.forEach((column, value) -> copy.put(column,
                            value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value));
                    return copy;
                }).toList());
        return tables;
    }

    private static BadgeClassImageChanged picture(String badge, String issuer, byte[] png, Instant at) {
        return new BadgeClassImageChanged(badge, issuer, "image/png", png, TestImages.sha256(png), at);
    }

    private HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        List<String> values = response.headers().allValues(name);
        assertThat(values).as(name).hasSizeLessThanOrEqualTo(1);
        return values.isEmpty() ? null : values.get(0);
    }

    private JsonNode awaitJson(String path) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> get(path).statusCode() == 200);
        return json.readTree(get(path).body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    // --- poison events: parked after max-attempts, the read model moves on, replay ---

    @Test
    void aPoisonEventIsParkedWithWhatFollowsItAndTheReadModelMovesOn() throws Exception {
        String issuer = id();
        String badge = id();
        String poison = id();
        String healthy = id();
        append(new IssuerRegistered(issuer, "Org", "https://org.example", "b@org.example", null, null, T0),
                new BadgeClassDefined(badge, issuer, "Poison", "d", null, new Criteria("c", null), List.of(), T0),
                // a recipient type the read model's CHECK refuses: it fails however often it is tried
                new AssertionIssued(poison, badge, issuer, new Recipient("telephone", "sha256$ab", true, "s"),
                        List.of(), null, T0, null, "hosted"),
                new AssertionIssued(healthy, badge, issuer, new Recipient("email", "sha256$cd", true, "s"),
                        List.of(), null, T0, null, "hosted"));

        assertThat(awaitJson("/api/v1/assertions/" + healthy).get("id").asText()).isEqualTo(healthy);
        assertThat(get("/api/v1/assertions/" + poison).statusCode()).isEqualTo(404);
        append(new AssertionRevoked(poison, badge, "later", T0.plusSeconds(5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(poison).size() == 2);

        List<Map<String, Object>> rows = parked(poison);
        assertThat(rows.get(0).get("attempts")).isEqualTo(2);
        assertThat(String.valueOf(rows.get(0).get("cause"))).doesNotContain("sha256$ab");
        assertThat(String.valueOf(rows.get(1).get("cause"))).contains("parked behind an earlier event of " + poison);
        JsonNode listed = json.readTree(get("/actuator/deadletters").body());
        assertThat(listed.get("parked").toString()).contains(poison);
        assertThat(meters.get("badges.projection.dead.letters").gauge().value()).isGreaterThanOrEqualTo(2);

        JsonNode replay = json.readTree(post("/actuator/deadletters/" + rows.get(0).get("event_id"),
                "application/json", new byte[0]).body());
        assertThat(replay.get("failed").asText()).as(replay.toString()).isEqualTo(rows.get(0).get("event_id"));
        assertThat(parked(poison)).hasSize(2);
    }

    @Test
    void aParkedEventIsAppliedWhenReplayedOnceItsCauseIsGone() throws Exception {
        String issuer = id();
        append(new IssuerRegistered(issuer, "Org", "https://org.example", "b@org.example", null, null, T0));
        awaitJson("/api/v1/issuers/" + issuer);
        readTables.sql("ALTER TABLE status_list_view RENAME TO status_list_view_away").update();
        try {
            append(new StatusListPublished(issuer, "1", 1, "{\"type\":\"BitstringStatusListCredential\"}", T0));
            await().atMost(Duration.ofSeconds(30)).until(() -> parked(issuer).size() == 1);
        } finally {
            readTables.sql("ALTER TABLE status_list_view_away RENAME TO status_list_view").update();
        }
        String eventId = String.valueOf(parked(issuer).get(0).get("event_id"));

        JsonNode replay = json.readTree(post("/actuator/deadletters/" + eventId, "application/json", new byte[0]).body());

        assertThat(replay.get("replayed").toString()).as(replay.toString()).contains(eventId);
        assertThat(parked(issuer)).isEmpty();
        assertThat(readTables.sql("SELECT version FROM status_list_view WHERE issuer_id = ?").param(issuer)
                .query(Long.class).single()).isEqualTo(1L);
        append(new StatusListPublished(issuer, "1", 2, "{\"type\":\"BitstringStatusListCredential\"}", T0));
        await().atMost(Duration.ofSeconds(10)).until(() -> readTables.sql(
                "SELECT version FROM status_list_view WHERE issuer_id = ?").param(issuer).query(Long.class).single() == 2L);
    }

    private List<Map<String, Object>> parked(String aggregateId) {
        return readTables.sql("SELECT event_id, attempts, cause FROM dead_letter WHERE aggregate_id = ? "
                + "ORDER BY sequence_number").param(aggregateId).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> lower = new HashMap<>();
                    row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof Number n ? n.intValue() : v));
                    return lower;
                }).toList();
    }
}
