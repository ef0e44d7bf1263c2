package io.badges.query.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.badges.credentials.BitstringStatusList;
import io.badges.credentials.DataIntegrity;
import io.badges.credentials.IssuerKeys;
import io.badges.credentials.Multikey;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import io.badges.persistence.DataSources;
import io.badges.persistence.Database;
import io.badges.persistence.Migrations;
import io.badges.persistence.Side;
import io.badges.testsupport.TestImages;
import io.badges.testsupport.TestSqlite;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.RecipientIdentity;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.ob3.DidWeb;
import io.badges.vocabulary.ob3.OpenBadges3;
import io.badges.vocabulary.image.ImageType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * POST /api/v1/verify with a badge image, raw or as a multipart upload: the 1EdTech OB 2.0 vectors
 * (served offline through the URL map, as in {@link OpenBadgesVectorsTest}) baked into images verify
 * exactly as when they are presented directly, with {@code baked: true}; broken images are refused
 * with problem+json, never 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadgeImageVerificationTest {

    private static final Path DATA = TestSqlite.newDirectory("verify-images");
    private static final String NOBODY = "nobody@example.org";
    private static final byte[] GIF = TestImages.gif();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final OpenBadges3 ob3 = new OpenBadges3(new PublicUrls("https://issuer.test"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String commandDb = "jdbc:sqlite:" + DATA.resolve("command.db");
        try (HikariDataSource command = DataSources.create(new DataSources.Settings(commandDb, null, null, 1,
                "test-command"), DataSources.Role.WRITER)) {
            Migrations.migrate(command, Database.forUrl(commandDb), Side.COMMAND);
        }
        Path site = Files.createDirectories(DATA.resolve("site"));
        try (Stream<Path> assets = Files.list(TestVerifiers.fixtures().resolve("assets"))) {
            for (Path asset : assets.toList()) {
                Files.copy(asset, site.resolve(asset.getFileName()));
            }
        }
        Files.copy(TestVerifiers.fixtures().resolve("basic-assertion.json"), site.resolve("beths-robotics-badge.json"));
        String target = site.toUri().toString();
        String issuerSite = Files.createDirectories(DATA.resolve("issuer-site")).toUri().toString();
        registry.add("badges.public-base-url", () -> "https://badges.test");
        registry.add("badges.data-dir", DATA::toString);
        registry.add("badges.verifier.url-map", () -> "https://example.org/=" + target + ";http://example.org/=" + target
                + ";https://issuer.test/=" + issuerSite);
    }

    private static String vector(String name) {
        try {
            return Files.readString(TestVerifiers.fixtures().resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BadgeImages.Image png() {
        return new BadgeImages.Image(ImageType.PNG, TestImages.png(32, 7));
    }

    private static BadgeImages.Image svg() {
        return BadgeImages.generated("vectors", "Robotics Badge");
    }

    @Test
    void aBakedHostedAssertionVerifiesAsTheAssertionItself() throws Exception {
        String assertion = vector("basic-assertion.json");
        String url = json.readTree(assertion).get("id").asText();
        JsonNode direct = verified(post("application/json", assertion.getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(direct.get("valid").asBoolean()).as(direct.toString()).isTrue();
        assertThat(direct.has("baked")).isFalse();

        for (BadgeImages.Image image : List.of(png(), svg())) {
            byte[] baked = BadgeImages.bakeHosted(image, url, assertion);
            assertSameButBaked(verified(post(image.type().mediaType(), baked), 200), direct);
            assertSameButBaked(verified(upload(baked), 200), direct);
        }
        // an SVG may carry only the assertion's URL: verified as the hosted assertion found there
        byte[] urlOnly = svgWith("<openbadges:assertion verify=\"" + url + "\"/>");
        assertSameButBaked(verified(post("image/svg+xml", urlOnly), 200), direct);
    }

    @Test
    void aBakedSignedAssertionVerifiesAsItsJws() throws Exception {
        String jws = vector("simple.jwt");
        JsonNode direct = verified(post("text/plain", jws.getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(direct.get("valid").asBoolean()).as(direct.toString()).isTrue();

        for (BadgeImages.Image image : List.of(png(), svg())) {
            byte[] baked = BadgeImages.bakeSigned(image, jws);
            assertSameButBaked(verified(post(image.type().mediaType(), baked), 200), direct);
            assertSameButBaked(verified(upload(baked), 200), direct);
        }
    }

    @Test
    void aForgedBakedJwsIsInvalidNotRefused() throws Exception {
        String jws = vector("simple.jwt");
        String forged = jws.substring(0, jws.length() - 4) + (jws.endsWith("AAAA") ? "BBBB" : "AAAA");
        JsonNode result = verified(post("image/png", BadgeImages.bakeSigned(png(), forged)), 200);
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("baked").asBoolean()).isTrue();
    }

    @Test
    void anImageWithoutBadgeDataIsUnprocessable() throws Exception {
        for (BadgeImages.Image image : List.of(png(), svg())) {
            problem(post(image.type().mediaType(), image.bytes()), 422, "no-badge-data", "holds no Open Badges data");
            problem(upload(image.bytes()), 422, "no-badge-data", "holds no Open Badges data");
        }
    }

    @Test
    void theOpenBadges3VectorsVerifyInEveryMediaTypeAndFromTheirImage() throws Exception {
        String ldp = OpenBadges3VerifierTest.vector("simple.json");
        JsonNode linked = null;
        for (String type : List.of("application/json", "application/vc+ld+json", "application/vc")) {
            JsonNode result = verified(post(type, ldp.getBytes(StandardCharsets.UTF_8)), 200);
            assertThat(result.get("format").asText()).isEqualTo("ob30-ldp");
            assertThat(passed(result, "proof valid")).as(result.toString()).isTrue();
            assertThat(passed(result, "issuer binding")).isFalse();
            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.path("issuer").path("name").asText()).isEqualTo("Example Corp");
            assertThat(result.has("baked")).isFalse();
            linked = result;
        }
        byte[] baked = BadgeImages.bakeCredential(png(), ldp);
        assertSameButBaked(verified(post("image/png", baked), 200), linked);
        assertSameButBaked(verified(upload(baked), 200), linked);

        String jwt = OpenBadges3VerifierTest.vector("simple-jwt.extracted-from-svg.jwt");
        JsonNode direct = verified(post("text/plain", jwt.getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(direct.get("format").asText()).isEqualTo("ob30-jwt");
        assertThat(passed(direct, "signature valid")).as(direct.toString()).isTrue();
        assertThat(passed(direct, "issuer binding")).isFalse();
        assertThat(verified(post("application/jwt", jwt.getBytes(StandardCharsets.UTF_8)), 200)).isEqualTo(direct);
        assertThat(verified(post("application/json", json.writeValueAsBytes(java.util.Map.of("jwt", jwt))), 200))
                .isEqualTo(direct);

        byte[] svg = Files.readAllBytes(Path.of("src", "test", "resources", "openbadges", "ob30", "simple-jwt.svg"));
        assertSameButBaked(verified(post("image/svg+xml", svg), 200), direct);
        assertSameButBaked(verified(upload(svg), 200), direct);
    }

    @Test
    void aDidWebIssuersCredentialVerifiesOverHttpWithItsStatusList() throws Exception {
        KeyPair ed25519 = IssuerKeys.generateEd25519();
        String method = publishDidWebIssuer("i-9", ed25519);
        BitstringStatusList bits = new BitstringStatusList();
        bits.set(7, true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(ob3.urls().statusList("i-9", "1"), DataIntegrity.sign(ob3.statusListCredential("i-9", "1",
                bits.encode(), now.minusSeconds(3600), null), ed25519.getPrivate(), method, now));

        for (int index : new int[] {7, 8}) {
            String credential = DataIntegrity.sign(ob3.credential(
                    new OpenBadges3.Issuer("i-9", "Issuer Nine", "https://example.org", null),
                    new OpenBadges3.Achievement("b-9", "Nine", "The ninth", new Criteria("Do it", null), null),
                    new OpenBadges3.Award("c-" + index, new Recipient("email", RecipientIdentity.hash(NOBODY, "s"), true, "s"),
                            now.minusSeconds(60), null, new OpenBadges3.StatusEntry("1", index))),
                    ed25519.getPrivate(), method, now);
            JsonNode result = verified(post("application/vc+ld+json", credential.getBytes(StandardCharsets.UTF_8)), 200);
            assertThat(result.get("valid").asBoolean()).as(result.toString()).isEqualTo(index == 8);
            assertThat(result.get("revoked").asBoolean()).isEqualTo(index == 7);
            assertThat(passed(result, "issuer binding")).isTrue();
            assertThat(result.get("recipientMatches").asBoolean()).isTrue();
            assertThat(result.path("issuer").path("id").asText()).isEqualTo(ob3.issuerDid("i-9"));
            assertThat(result.path("achievement").path("name").asText()).isEqualTo("Nine");
        }
    }

    @Test
    void aCredentialIsVerifiedFromItsUrl() throws Exception {
        KeyPair ed25519 = IssuerKeys.generateEd25519();
        String method = publishDidWebIssuer("i-8", ed25519);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String credential = DataIntegrity.sign(ob3.credential(
                new OpenBadges3.Issuer("i-8", "Issuer Eight", "https://example.org", null),
                new OpenBadges3.Achievement("b-8", "Eight", "The eighth", new Criteria("Do it", null), null),
                new OpenBadges3.Award("c-8", new Recipient("email", RecipientIdentity.hash(NOBODY, "s"), true, "s"),
                        now.minusSeconds(60), null, null)), ed25519.getPrivate(), method, now);
        publish("https://issuer.test/credentials/c-8", credential);
        publish("https://issuer.test/credentials/c-8-tampered", credential.replace("The eighth", "The first"));

        JsonNode valid = verified(post("application/json",
                "{\"url\":\"https://issuer.test/credentials/c-8\"}".getBytes(StandardCharsets.UTF_8)), 200);
        JsonNode tampered = verified(post("application/json",
                "{\"url\":\"https://issuer.test/credentials/c-8-tampered\"}".getBytes(StandardCharsets.UTF_8)), 200);

        assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
        assertThat(valid.get("format").asText()).isEqualTo("ob30-ldp");
        assertThat(tampered.get("valid").asBoolean()).isFalse();
        assertThat(passed(tampered, "proof valid")).isFalse();
        HttpResponse<String> notUrl = post("application/json", "{\"url\":\"ftp://x\"}".getBytes(StandardCharsets.UTF_8));
        problem(notUrl, 400, "invalid-url", "http or https");
        assertThat(json.readTree(notUrl.body()).path("errors").get(0).path("field").asText()).isEqualTo("url");
        HttpResponse<String> notText = post("application/json", "{\"jws\":42}".getBytes(StandardCharsets.UTF_8));
        problem(notText, 400, "validation", "jws must be a string");
        assertThat(json.readTree(notText.body()).path("errors").get(0).path("field").asText()).isEqualTo("jws");
        problem(post("application/json", "{\"url\":\"https://issuer.test/credentials/none\"}"
                .getBytes(StandardCharsets.UTF_8)), 422, "unreadable-url", "answered 404");
    }

    /** The did:web document of issuer {@code id} with one Multikey, "published"; answers the key's method id. */
    private String publishDidWebIssuer(String id, KeyPair ed25519) throws IOException {
        publish(DidWeb.documentUrl(ob3.issuerDid(id)), json.writeValueAsString(ob3.didDocument(id,
                List.of(OpenBadges3.VerificationKey.multikey("key-1", Multikey.encode(ed25519.getPublic()))))));
        return ob3.verificationMethod(id, "key-1");
    }

    private static void publish(String url, String body) throws IOException {
        Path file = DATA.resolve("issuer-site").resolve(url.substring("https://issuer.test/".length()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
    }

    @Test
    void aBakedCredentialWithoutIssuerIsInvalidNotRefused() throws Exception {
        byte[] baked = BadgeImages.bakeCredential(png(), "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"]}");
        JsonNode result = verified(post("image/png", baked), 200);
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(passed(result, "well-formed")).isFalse();
        assertThat(result.get("baked").asBoolean()).isTrue();
    }

    private static boolean passed(JsonNode result, String check) {
        for (JsonNode c : result.path("checks")) {
            if (check.equals(c.path("name").asText())) {
                return c.path("passed").asBoolean();
            }
        }
        throw new AssertionError("no check " + check + " in " + result);
    }

    @Test
    void brokenOrUnsafeImagesAreBadRequests() throws Exception {
        byte[] hosted = BadgeImages.bakeHosted(png(), "https://example.org/beths-robotics-badge.json",
                vector("basic-assertion.json"));
        byte[] badCrc = hosted.clone();
        badCrc[badCrc.length - 1] ^= 0x01;
        byte[] twoBadges = TestImages.withText(hosted, BadgeImages.OB2_KEYWORD, vector("basic-assertion.json"));
        byte[] xxe = TestImages.xxeSvg();

        problem(upload(GIF), 400, "bad-image", "not a PNG or SVG");
        problem(post("image/png", GIF), 400, "bad-image", "not a PNG or SVG");
        problem(post("image/png", badCrc), 400, "bad-image", "CRC");
        problem(upload(badCrc), 400, "bad-image", "CRC");
        problem(post("image/svg+xml", xxe), 400, "bad-image", "entity");
        problem(upload(xxe), 400, "bad-image", "entity");
        problem(post("image/png", twoBadges), 400, "bad-image", "2 baked badges");
        problem(upload(twoBadges), 400, "bad-image", "2 baked badges");
        problem(post("image/png", svg().bytes()), 400, "bad-image", "is image/svg+xml, not image/png");
        problem(post("image/gif", GIF), 415, null, null);
    }

    @Test
    void anImageOverHalfAMebibyteIsTooLarge() throws Exception {
        byte[] large = TestImages.noise(480);
        assertThat(large.length).isGreaterThan(BadgeImages.MAX_BYTES);

        problem(post("image/png", large), 413, "image-too-large", "at most " + BadgeImages.MAX_BYTES);
        problem(upload(large), 413, "image-too-large", String.valueOf(BadgeImages.MAX_BYTES));
    }

    private void assertSameButBaked(JsonNode fromImage, JsonNode direct) {
        assertThat(fromImage.get("baked").asBoolean()).isTrue();
        ObjectNode withoutFlag = fromImage.deepCopy();
        withoutFlag.remove("baked");
        assertThat(withoutFlag).isEqualTo(direct);
    }

    private JsonNode verified(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private void problem(HttpResponse<String> response, int status, String type, String detail) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.get("type").asText()).isEqualTo("https://badges.example/problems/" + type);
            assertThat(problem.get("detail").asText()).contains(detail);
        }
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(verifyUri())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form with the image as the field {@code file}, its part typed only as bytes: the type is sniffed. */
    private HttpResponse<String> upload(byte[] image) throws Exception {
        String boundary = "----badge-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"badge\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return post("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private URI verifyUri() {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/verify?recipient=" + NOBODY);
    }

    private static byte[] svgWith(String inside) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\" "
                + "viewBox=\"0 0 10 10\">" + inside + "<circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
