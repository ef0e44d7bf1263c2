package io.badges.query.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** A directory "hosting" the assets plus {@code hosted} at the assertion's id. */
    private PresentedCredentialVerifier verifierHosting(String hosted) throws IOException {
        Path site = Files.createDirectories(Path.of("target", "vectors", UUID.randomUUID().toString()))
                .toAbsolutePath();
        try (Stream<Path> assets = Files.list(TestVerifiers.fixtures().resolve("assets"))) {
            for (Path asset : assets.toList()) {
                Files.copy(asset, site.resolve(asset.getFileName()));
            }
        }
        if (hosted != null) {
            Files.copy(TestVerifiers.fixtures().resolve(hosted), site.resolve("beths-robotics-badge.json"));
        }
        String target = site.toUri().toString();
        DocumentFetcher fetcher = TestVerifiers.fetcher(Map.of(
                "https://example.org/", target, "http://example.org/", target));
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
}
