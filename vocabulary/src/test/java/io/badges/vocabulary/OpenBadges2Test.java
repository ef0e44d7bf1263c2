package io.badges.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenBadges2Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenBadges2 documents = new OpenBadges2(new PublicUrls("https://badges.test/"));

    private static OpenBadges2.Award award(List<Evidence> evidence, Instant expires, String narrative) {
        return new OpenBadges2.Award("a-1", new Recipient("email", "sha256$abc", true, "salt"), "b-1",
                Instant.parse("2026-12-01T10:00:00Z"), expires, evidence, narrative);
    }

    @Test
    void aHostedAssertionHasTheSpecKeysInAStableOrderAndOnlyThoseGiven() throws Exception {
        String json = JSON.writeValueAsString(documents.hostedAssertion(award(List.of(), null, null)));

        assertThat(json).isEqualTo("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
                + "\"id\":\"https://badges.test/public/assertions/a-1\","
                + "\"recipient\":{\"type\":\"email\",\"hashed\":true,\"salt\":\"salt\",\"identity\":\"sha256$abc\"},"
                + "\"badge\":\"https://badges.test/public/badges/b-1\",\"issuedOn\":\"2026-12-01T10:00:00Z\","
                + "\"verification\":{\"type\":\"hosted\"}}");
    }

    @Test
    void aSignedAssertionNamesItsKeyAsCreatorAndKeepsEvidenceExpiryAndNarrative() throws Exception {
        var doc = JSON.valueToTree(documents.signedAssertion(award(
                List.of(new Evidence("https://work.test/1", "built it"), new Evidence(null, "told it")),
                Instant.parse("2027-01-01T00:00:00Z"), "well done"), "k-9"));

        assertThat(doc.path("verification").path("type").asText()).isEqualTo("signed");
        assertThat(doc.path("verification").path("creator").asText()).isEqualTo("https://badges.test/public/keys/k-9");
        assertThat(doc.path("expires").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(doc.path("narrative").asText()).isEqualTo("well done");
        assertThat(doc.path("evidence").toString())
                .isEqualTo("[{\"id\":\"https://work.test/1\",\"narrative\":\"built it\"},{\"narrative\":\"told it\"}]");
    }

    @Test
    void aRevokedAssertionSaysSoWithAnEmptyReasonWhenNoneWasGiven() throws Exception {
        assertThat(JSON.writeValueAsString(documents.revokedAssertion("a-1", null))).isEqualTo(
                "{\"id\":\"https://badges.test/public/assertions/a-1\",\"revoked\":true,\"revocationReason\":\"\"}");
    }

    @Test
    void aBadgeClassLinksItsIssuerAndOmitsWhatItLacks() {
        var doc = JSON.valueToTree(documents.badgeClass(new OpenBadges2.BadgeClass("b-1", "i-1", "Rust", "Knows Rust",
                null, new Criteria("Write a crate", null), List.of())));

        assertThat(doc.path("type").asText()).isEqualTo("BadgeClass");
        assertThat(doc.path("issuer").asText()).isEqualTo("https://badges.test/public/issuers/i-1");
        assertThat(doc.path("criteria").toString()).isEqualTo("{\"narrative\":\"Write a crate\"}");
        assertThat(doc.has("image")).isFalse();
        assertThat(doc.has("tags")).isFalse();
    }

    @Test
    void anIssuerWithKeysPublishesThemAndItsRevocationList() {
        var withKeys = JSON.valueToTree(documents.issuer(new OpenBadges2.Issuer("i-1", "Uni", "https://uni.test",
                "badges@uni.test", null, null, List.of("k-1", "k-2"))));
        var withoutKeys = JSON.valueToTree(documents.issuer(new OpenBadges2.Issuer("i-1", "Uni", "https://uni.test",
                "badges@uni.test", "desc", null, List.of())));

        assertThat(withKeys.path("publicKey").toString())
                .isEqualTo("[\"https://badges.test/public/keys/k-1\",\"https://badges.test/public/keys/k-2\"]");
        assertThat(withKeys.path("revocationList").asText())
                .isEqualTo("https://badges.test/public/issuers/i-1/revocations");
        assertThat(withoutKeys.has("publicKey")).isFalse();
        assertThat(withoutKeys.has("revocationList")).isFalse();
        assertThat(withoutKeys.path("description").asText()).isEqualTo("desc");
    }

    @Test
    void keysAndRevocationListsNameTheirOwner() throws Exception {
        var key = JSON.valueToTree(documents.cryptographicKey("k-1", "i-1", "PEM"));
        String list = JSON.writeValueAsString(documents.revocationList("i-1",
                List.of(new OpenBadges2.Revoked("a-1", "mistake"))));

        assertThat(key.path("owner").asText()).isEqualTo("https://badges.test/public/issuers/i-1");
        assertThat(key.path("type").asText()).isEqualTo("CryptographicKey");
        assertThat(list).isEqualTo("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"RevocationList\","
                + "\"id\":\"https://badges.test/public/issuers/i-1/revocations\","
                + "\"issuer\":\"https://badges.test/public/issuers/i-1\","
                + "\"revokedAssertions\":[{\"id\":\"https://badges.test/public/assertions/a-1\","
                + "\"revocationReason\":\"mistake\"}]}");
    }
}
