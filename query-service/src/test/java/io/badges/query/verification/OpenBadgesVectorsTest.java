package io.badges.query.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 1EdTech OB 2.0 test vectors (ob20/, Apache-2.0, see its README and LICENSE), verified offline:
 * every {@code https://example.org/} and {@code http://example.org/} URL resolves through the URL map
 * to a directory holding the vectors' assets and the hosted copy of the assertion under test.
 */
class OpenBadgesVectorsTest {

    private static final String NOBODY = "nobody@example.org";

    private final ObjectMapper json = new ObjectMapper();
    private Path site;

    /** A directory "hosting" the assets plus {@code hosted} at the assertion's id. */
    private PresentedCredentialVerifier verifierHosting(String hosted) throws IOException {
        site = Files.createDirectories(Path.of("target", "vectors", UUID.randomUUID().toString()))
                .toAbsolutePath();
        try (Stream<Path> assets = Files.list(TestVerifiers.fixtures().resolve("assets"))) {
            for (Path asset : assets.toList()) {
                Files.copy(asset, site.resolve(asset.getFileName()));
            }
        }
        if (hosted != null) {
            Files.copy(TestVerifiers.fixtures().resolve(hosted), site.resolve("beths-robotics-badge.json"));
        }
        return verifierOn(site);
    }

    /** A verifier with a fresh document cache, "hosting" {@code files}. */
    private static PresentedCredentialVerifier verifierOn(Path files) {
        String target = files.toUri().toString();
        DocumentFetcher fetcher = TestVerifiers.fetcher(Map.of(
                "https://example.org/", target, "http://example.org/", target, "https://evil.example/", target));
        return new PresentedCredentialVerifier(fetcher, Clock.systemUTC());
    }

    private JsonNode vector(String name) throws IOException {
        return json.readTree(TestVerifiers.fixtures().resolve(name).toFile());
    }

    private String jwt() throws IOException {
        return Files.readString(TestVerifiers.fixtures().resolve("simple.jwt")).strip();
    }

    @Test
    void basicAssertionIsValidForItsRecipient() throws Exception {
        VerificationResult result = verifierHosting("basic-assertion.json")
                .hosted(vector("basic-assertion.json"), NOBODY);

        assertThat(result.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        assertThat(result.valid()).isTrue();
        assertThat(result.recipientMatches()).isTrue();
        assertThat(result.format()).isEqualTo("ob20-hosted");
    }

    @Test
    void basicAssertionIsInvalidForAnotherEmail() throws Exception {
        VerificationResult result = verifierHosting("basic-assertion.json")
                .hosted(vector("basic-assertion.json"), "somebody@example.org");

        assertThat(result.valid()).isFalse();
        assertThat(result.recipientMatches()).isFalse();
        assertThat(result.revoked()).isFalse();
    }

    @Test
    void expiredAssertionIsInvalid() throws Exception {
        VerificationResult result = verifierHosting("basic-assertion-expired.json")
                .hosted(vector("basic-assertion-expired.json"), NOBODY);

        assertThat(result.valid()).isFalse();
        assertThat(result.expired()).isTrue();
        assertThat(result.recipientMatches()).isTrue();
    }

    @Test
    void hostedAssertionWhoseHostedCopyIsMissingIsInvalid() throws Exception {
        VerificationResult result = verifierHosting(null).hosted(vector("basic-assertion.json"), NOBODY);

        assertThat(result.valid()).isFalse();
        assertThat(result.checks().get(0).name()).isEqualTo("hosted document loaded");
        assertThat(result.checks().get(0).passed()).isFalse();
    }

    @Test
    void signedVectorIsValid() throws Exception {
        VerificationResult result = verifierHosting(null).signed(jwt(), NOBODY);

        assertThat(result.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        assertThat(result.valid()).isTrue();
        assertThat(result.format()).isEqualTo("ob20-signed");
    }

    @Test
    void signedVectorWithAChangedPayloadIsInvalid() throws Exception {
        String[] parts = jwt().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("2016-12-31T23:59:59Z", "2017-01-01T00:00:00Z");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];

        VerificationResult result = verifierHosting(null).signed(forged, NOBODY);

        assertThat(result.valid()).isFalse();
        assertThat(result.checks()).anySatisfy(check -> {
            assertThat(check.name()).isEqualTo("signature valid");
            assertThat(check.passed()).isFalse();
        });
    }

    @Test
    void signedVectorWithAChangedSignatureIsInvalid() throws Exception {
        String[] parts = jwt().split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 0x01;
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        VerificationResult result = verifierHosting(null).signed(forged, NOBODY);

        assertThat(result.valid()).isFalse();
    }

    @Test
    void garbageIsNotAJws() throws Exception {
        VerificationResult result = verifierHosting(null).signed("not.a-jws", NOBODY);

        assertThat(result.valid()).isFalse();
        assertThat(result.checks().get(0).name()).isEqualTo("well-formed JWS");
    }

    /** #19: an assertion hosted anywhere but where its issuer allows must not pass for the issuer's. */
    @Test
    void anAssertionHostedOffTheIssuersOriginIsInvalid() throws Exception {
        ObjectNode forged = (ObjectNode) vector("basic-assertion.json");
        forged.put("id", "https://evil.example/forged.json");
        PresentedCredentialVerifier verifier = verifierHosting("basic-assertion.json");
        Files.writeString(site.resolve("forged.json"), json.writeValueAsString(forged));

        VerificationResult result = verifier.hosted(forged, NOBODY);

        assertThat(result.valid()).isFalse();
        assertThat(result.checks()).anyMatch(c -> c.name().equals("hosted by the issuer") && !c.passed()
                && c.detail().contains("https://example.org"));
        assertThat(verifierHosting("basic-assertion.json").hosted(vector("basic-assertion.json"), NOBODY).checks())
                .anyMatch(c -> c.name().equals("hosted by the issuer") && c.passed());
    }

    /** #19: the issuer's verification policy (startsWith) allows another host; anything outside it is refused. */
    @Test
    void theIssuersStartsWithPolicyDecidesWhereItsAssertionsMayBeHosted() throws Exception {
        ObjectNode elsewhere = (ObjectNode) vector("basic-assertion.json");
        elsewhere.put("id", "https://evil.example/allowed/forged.json");
        PresentedCredentialVerifier verifier = verifierHosting(null);
        Files.createDirectories(site.resolve("allowed"));
        Files.writeString(site.resolve("allowed/forged.json"), json.writeValueAsString(elsewhere));
        ObjectNode issuer = (ObjectNode) json.readTree(site.resolve("organization.json").toFile());
        issuer.putObject("verification").put("startsWith", "https://evil.example/allowed/");
        Files.writeString(site.resolve("organization.json"), json.writeValueAsString(issuer));

        VerificationResult allowed = verifier.hosted(elsewhere, NOBODY);

        assertThat(allowed.valid()).as(allowed.toString()).isTrue();
        issuer.putObject("verification").put("startsWith", "https://evil.example/other/");
        Files.writeString(site.resolve("organization.json"), json.writeValueAsString(issuer));
        VerificationResult refused = verifierOn(site).hosted(elsewhere, NOBODY);

        assertThat(refused.valid()).isFalse();
        assertThat(refused.checks()).anyMatch(c -> c.name().equals("hosted by the issuer") && !c.passed());
    }

    /** #19: a document loaded from a URL must say it is the document at that URL. */
    @Test
    void aBadgeClassWhoseIdIsNotItsUrlIsNotBelieved() throws Exception {
        PresentedCredentialVerifier verifier = verifierHosting("basic-assertion.json");
        ObjectNode badge = (ObjectNode) json.readTree(site.resolve("robotics-badge.json").toFile());
        badge.put("id", "https://example.org/another-badge.json");
        Files.writeString(site.resolve("robotics-badge.json"), json.writeValueAsString(badge));

        VerificationResult result = verifier.hosted(vector("basic-assertion.json"), NOBODY);

        assertThat(result.valid()).isFalse();
        assertThat(result.checks()).anyMatch(c -> c.name().equals("badge class loaded") && !c.passed()
                && c.detail().contains("another-badge.json"));
    }
}
