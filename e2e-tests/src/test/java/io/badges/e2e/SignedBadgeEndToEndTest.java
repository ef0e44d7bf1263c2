package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import io.badges.testsupport.OpenBadgeCredentialSchema;
import io.badges.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signed and hosted awards from issue to verification by every route, and their revocation, with both
 * services as processes. BADGES_PUBLIC_BASE_URL is the query service itself, so documents presented
 * to POST /api/v1/verify resolve to this very service (never cached).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedBadgeEndToEndTest {

    private static final String KEY = "signed-e2e-key";
    private static final String ALICE = "alice@example.org";

    private EmbeddedServices services;
    private ServiceProcess query;
    private Api api;
    private Path referenceSet;

    @BeforeAll
    void start() throws Exception {
        // the issuer of the reference libraries' credentials (reference-set.mjs) is a folder
        referenceSet = Files.createDirectories(Path.of("target", "e2e", "reference-set-" + UUID.randomUUID())
                .toAbsolutePath());
        Interop.referenceSet(referenceSet);
        services = EmbeddedServices.start(KEY, "https://issuer.example/=" + referenceSet.resolve("site").toUri());
        query = services.query();
        api = services.api();
    }

    @AfterAll
    void stop() throws Exception {
        services.close();
    }

    @Test
    void signedAwardVerifiesEverywhereUntilRevoked() throws Exception {
        String issuer = api.issuer("Signing University");
        JsonNode key = api.write("/api/v1/issuers/" + issuer + "/keys", "{}", 201);
        String badge = api.badgeClass(issuer, "Signed badge");
        String id = api.write("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"%s"},"verification":"signed"}"""
                .formatted(badge, ALICE), 201).get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/public/assertions/" + id + ".jws").statusCode() == 200);

        String compact = api.get("/public/assertions/" + id + ".jws").body();
        JsonNode publishedKey = api.read("/public/keys/" + key.get("keyId").asText());
        JWSObject jws = JWSObject.parse(compact);
        assertThat(jws.verify(new RSASSAVerifier(rsa(publishedKey.get("publicKeyPem").asText()))))
                .as("an independent JOSE check with the published key").isTrue();
        assertThat(publishedKey.get("owner").asText()).isEqualTo(query.url() + "/public/issuers/" + issuer);
        assertThat(api.read("/public/issuers/" + issuer).get("publicKey").toString())
                .contains(query.url() + "/public/keys/" + key.get("keyId").asText());
        assertThat(api.read("/public/assertions/" + id).toString()).isEqualTo(jws.getPayload().toString());

        assertThat(api.read("/api/v1/assertions/" + id + "/verify?recipient=" + ALICE).get("valid").asBoolean()).isTrue();
        JsonNode presented = api.verify(compact, "text/plain", ALICE);
        assertThat(presented.get("valid").asBoolean()).as(presented.toString()).isTrue();
        assertThat(presented.get("format").asText()).isEqualTo("ob20-signed");
        assertThat(api.verify(compact, "text/plain", "mallory@example.org").get("valid").asBoolean()).isFalse();

        api.revoke(id, "cheated");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/public/assertions/" + id).statusCode() == 410);

        JsonNode gone = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.get("/public/assertions/" + id).body());
        assertThat(gone.get("revoked").asBoolean()).isTrue();
        JsonNode byId = api.read("/api/v1/assertions/" + id + "/verify?recipient=" + ALICE);
        assertThat(byId.get("valid").asBoolean()).isFalse();
        assertThat(byId.get("revoked").asBoolean()).isTrue();
        JsonNode presentedAfter = api.verify(compact, "text/plain", ALICE);
        assertThat(presentedAfter.get("valid").asBoolean()).isFalse();
        assertThat(presentedAfter.get("revoked").asBoolean()).isTrue();
        assertThat(api.verify("{\"jws\":\"" + compact + "\"}", "application/json", ALICE).get("revoked").asBoolean())
                .isTrue();
        assertThat(api.read("/public/issuers/" + issuer + "/revocations").toString()).contains(id).contains("cheated");
    }

    @Test
    void hostedAwardPresentedAsJsonVerifiesUntilRevoked() throws Exception {
        String issuer = api.issuer("Hosting College");
        String badge = api.badgeClass(issuer, "Hosted badge");
        String id = api.award(badge, ALICE);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/public/assertions/" + id).statusCode() == 200);
        String document = api.get("/public/assertions/" + id).body();

        JsonNode valid = api.verify(document, "application/json", ALICE);
        assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
        assertThat(valid.get("format").asText()).isEqualTo("ob20-hosted");

        api.revoke(id, "duplicate");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/public/assertions/" + id).statusCode() == 410);
        JsonNode revoked = api.verify(document, "application/json", ALICE);
        assertThat(revoked.get("valid").asBoolean()).isFalse();
        assertThat(revoked.get("revoked").asBoolean()).isTrue();
    }

    /**
     * The README's badge, defined without an image, gets a generated SVG; another badge class gets an
     * uploaded PNG. The baked images of hosted and signed awards are read back by Mozilla's bakery to
     * the very document (or JWS) we serve, and verify when presented as images; revoked: 410.
     */
    @Test
    void bakedImagesReadBackByAnIndependentBakeryAndVerifyWhenPresented() throws Exception {
        String issuer = api.issuer("Baking School");
        api.write("/api/v1/issuers/" + issuer + "/keys", "{}", 201);
        String drawn = api.badgeClass(issuer, "Quickstart badge");
        String pictured = api.badgeClass(issuer, "Pictured badge");
        api.uploadImage(pictured, "image/png", TestImages.png(64));
        String hostedSvg = api.award(drawn, ALICE);
        String hostedPng = api.award(pictured, ALICE);
        String signedPng = api.write("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"%s"},"verification":"signed"}"""
                .formatted(pictured, ALICE), 201).get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/public/assertions/" + signedPng).statusCode() == 200
                && api.getBytes("/public/badges/" + pictured + "/image").headers().firstValue("Content-Type")
                        .orElse("").equals("image/png"));

        assertThat(api.read("/public/badges/" + drawn).get("image").asText())
                .isEqualTo(query.url() + "/public/badges/" + drawn + "/image");
        assertThat(api.getBytes("/public/badges/" + drawn + "/image").headers().firstValue("Content-Type"))
                .contains("image/svg+xml");

        for (String[] award : new String[][] {{hostedSvg, "image/svg+xml"}, {hostedPng, "image/png"}}) {
            HttpResponse<byte[]> baked = api.getBytes("/public/assertions/" + award[0] + "/image");
            assertThat(baked.statusCode()).isEqualTo(200);
            assertThat(baked.headers().firstValue("Content-Type")).contains(award[1]);
            String served = api.get("/public/assertions/" + award[0]).body();
            assertThat(Interop.unbake(baked.body())).as("openbadges-bakery reads the served assertion")
                    .isEqualTo(served);
            JsonNode verified = api.verifyImage(baked.body(), award[1], ALICE);
            assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("format").asText()).isEqualTo("ob20-hosted");
            assertThat(verified.get("baked").asBoolean()).isTrue();
        }

        byte[] signed = api.getBytes("/public/assertions/" + signedPng + "/image").body();
        assertThat(Interop.unbake(signed)).isEqualTo(api.get("/public/assertions/" + signedPng + ".jws").body());
        assertThat(api.verifyImage(signed, "image/png", ALICE).get("format").asText()).isEqualTo("ob20-signed");

        api.revoke(hostedPng, "mistake");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.getBytes("/public/assertions/" + hostedPng + "/image").statusCode() == 410);
    }

    /**
     * An OB 3.0 award verifies with the W3C/DCC reference libraries (@digitalbazaar/vc with
     * eddsa-rdfc-2022 and the Bitstring Status List, jose for the VC-JWT), every key resolved through
     * the issuer's published did:web document; after a revoke the same libraries say revoked.
     */
    @Test
    void anOb3CredentialVerifiesWithTheReferenceLibrariesUntilRevoked() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String issuer = api.issuer("Credential Institute");
        String badge = api.badgeClass(issuer, "Verifiable badge");
        JsonNode award = api.write("/api/v1/assertions", """
                {"badgeClassId":"%s","recipient":{"type":"email","identity":"%s"},"format":"ob3"}"""
                .formatted(badge, ALICE), 201);
        String id = award.get("id").asText();
        String credentialUrl = award.get("credentialUrl").asText();
        assertThat(credentialUrl).isEqualTo(query.url() + "/public/credentials/" + id);
        String path = credentialUrl.substring(query.url().length());
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get(path).statusCode() == 200);
        String statusList = json.readTree(api.get(path).body()).path("credentialStatus")
                .path("statusListCredential").asText();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(statusList.substring(query.url().length())).statusCode() == 200);

        JsonNode issued = json.readTree(Interop.verifyCredential(credentialUrl, credentialUrl + ".jwt"));
        assertThat(issued.get("proof").asBoolean()).as(issued.toString()).isTrue();
        assertThat(issued.get("jwt").asBoolean()).as(issued.toString()).isTrue();
        assertThat(issued.get("revoked").asBoolean()).as(issued.toString()).isFalse();
        String credential = api.get(path).body();
        assertThat(OpenBadgeCredentialSchema.violations(credential)).as("the served credential, OB 3.0 schema")
                .isEmpty();
        String jwt = api.get(path + ".jwt").body();
        JsonNode ours = api.verify(credential, "application/vc", ALICE);
        assertThat(ours.get("valid").asBoolean()).as("our verifier agrees: " + ours).isTrue();
        assertThat(ours.get("format").asText()).isEqualTo("ob30-ldp");
        JsonNode oursJwt = api.verify(jwt, "text/plain", ALICE);
        assertThat(oursJwt.get("valid").asBoolean()).as(oursJwt.toString()).isTrue();
        assertThat(oursJwt.get("format").asText()).isEqualTo("ob30-jwt");

        api.revoke(id, "cheated");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                json.readTree(Interop.verifyCredential(credentialUrl, "")).path("revoked").asBoolean(false));
        JsonNode revoked = json.readTree(Interop.verifyCredential(credentialUrl, ""));
        assertThat(revoked.get("proof").asBoolean()).as("the credential itself still verifies").isTrue();
        JsonNode oursRevoked = api.verify(credential, "application/vc", ALICE);
        assertThat(oursRevoked.get("valid").asBoolean()).as(oursRevoked.toString()).isFalse();
        assertThat(oursRevoked.get("revoked").asBoolean()).isTrue();
    }

    private static RSAPublicKey rsa(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /**
     * Credentials signed by the reference libraries (reference-set.mjs) get the outcome those libraries
     * give: valid ones valid; tampered claims and proofs, a key its issuer does not control, revoked and
     * suspended bits and a status list changed after signing invalid, each with the failing check named.
     */
    @Test
    void credentialsSignedByTheReferenceLibrariesGetTheOutcomeTheyGive() throws Exception {
        JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(referenceSet.resolve("expected.json").toFile());
        assertThat(expected).hasSizeGreaterThanOrEqualTo(14);
        for (JsonNode want : expected) {
            String name = want.get("name").asText();
            String body = Files.readString(referenceSet.resolve(want.get("file").asText()));
            boolean ldp = "ldp".equals(want.get("form").asText());
            JsonNode ours = api.verify(body, ldp ? "application/vc+ld+json" : "text/plain", ALICE);

            assertThat(ours.get("valid").asBoolean()).as(name + ": ours " + ours + " vs theirs " + want)
                    .isEqualTo(want.get("valid").asBoolean());
            assertThat(ours.get("format").asText()).isEqualTo(ldp ? "ob30-ldp" : "ob30-jwt");
            assertThat(ours.get("recipientMatches").asBoolean()).as(name).isTrue();
            if (want.get("valid").asBoolean()) {
                continue;
            }
            String failed = ours.get("checks").toString();
            if (!want.get("proof").asBoolean() && !name.contains("someone-else")) {
                assertThat(failing(ours, ldp ? "proof valid" : "signature valid")).as(name + " " + failed).isTrue();
            } else if (name.contains("someone-else")) {
                assertThat(failing(ours, "issuer binding")).as(name + " " + failed).isTrue();
            } else if (want.get("statusSet").asBoolean()) {
                boolean suspended = name.contains("suspended");
                assertThat(failing(ours, suspended ? "not suspended" : "not revoked")).as(name + " " + failed).isTrue();
                assertThat(ours.get("revoked").asBoolean()).as(name).isEqualTo(!suspended);
            } else {
                assertThat(want.get("statusVerified").asBoolean()).as(name).isFalse();
                assertThat(failing(ours, "not revoked")).as(name + " " + failed).isTrue();
                assertThat(failed).as(name).contains("fails its proof");
            }
        }
    }

    private static boolean failing(JsonNode result, String check) {
        for (JsonNode c : result.get("checks")) {
            if (check.equals(c.get("name").asText()) && !c.get("passed").asBoolean()) {
                return true;
            }
        }
        return false;
    }
}
