package io.badges.vocabulary.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import io.badges.vocabulary.PublicUrls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenBadges3Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DID = "did:web:badges.test:public:issuers:i-1";

    private final OpenBadges3 documents = new OpenBadges3(new PublicUrls("https://badges.test/"));
    private final OpenBadges3.Issuer issuer = new OpenBadges3.Issuer("i-1", "Uni", "https://uni.test", "badges@uni.test");
    private final OpenBadges3.Achievement achievement = new OpenBadges3.Achievement("b-1", "Rust", "Knows Rust",
            new Criteria("Write a crate", "https://uni.test/rust"), "https://badges.test/public/badges/b-1/image");

    private OpenBadges3.Award award(Instant validUntil, OpenBadges3.StatusEntry status) {
        return new OpenBadges3.Award("c-1", new Recipient("email", "sha256$abc", true, "salt"),
                Instant.parse("2026-12-02T10:00:00.123456Z"), validUntil, status);
    }

    @Test
    void aCredentialHasTheOpenBadges3ShapeInAStableOrder() throws Exception {
        String json = JSON.writeValueAsString(documents.credential(issuer, achievement,
                award(null, new OpenBadges3.StatusEntry("1", 94_567))));

        assertThat(json).isEqualTo("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"https://badges.test/public/credentials/c-1\","
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"issuer\":{\"id\":\"" + DID + "\",\"type\":[\"Profile\"],\"name\":\"Uni\","
                + "\"url\":\"https://uni.test\",\"email\":\"badges@uni.test\"},"
                + "\"validFrom\":\"2026-12-02T10:00:00Z\",\"name\":\"Rust\","
                + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"],"
                + "\"identifier\":[{\"type\":\"IdentityObject\",\"identityHash\":\"sha256$abc\","
                + "\"identityType\":\"emailAddress\",\"hashed\":true,\"salt\":\"salt\"}],"
                + "\"achievement\":{\"id\":\"https://badges.test/public/badges/b-1\",\"type\":[\"Achievement\"],"
                + "\"name\":\"Rust\",\"description\":\"Knows Rust\","
                + "\"criteria\":{\"id\":\"https://uni.test/rust\",\"narrative\":\"Write a crate\"},"
                + "\"image\":{\"id\":\"https://badges.test/public/badges/b-1/image\",\"type\":\"Image\"}}},"
                + "\"credentialStatus\":{\"id\":\"https://badges.test/public/issuers/i-1/status/1#94567\","
                + "\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"revocation\",\"statusListIndex\":\"94567\","
                + "\"statusListCredential\":\"https://badges.test/public/issuers/i-1/status/1\"}}");
    }

    @Test
    void optionalPartsAreLeftOutAndAnExpiryIsKept() {
        JsonNode doc = JSON.valueToTree(documents.credential(
                new OpenBadges3.Issuer("i-1", "Uni", null, null),
                new OpenBadges3.Achievement("b-1", "Rust", "Knows Rust", new Criteria("Write a crate", null), null),
                new OpenBadges3.Award("c-1", new Recipient("email", "someone@uni.test", false, null),
                        Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2027-12-02T10:00:00Z"), null)));

        assertThat(doc.path("validUntil").asText()).isEqualTo("2027-12-02T10:00:00Z");
        assertThat(doc.path("issuer").has("url")).isFalse();
        assertThat(doc.path("issuer").has("email")).isFalse();
        assertThat(doc.has("credentialStatus")).isFalse();
        JsonNode achievement = doc.path("credentialSubject").path("achievement");
        assertThat(achievement.has("image")).isFalse();
        assertThat(achievement.path("criteria").toString()).isEqualTo("{\"narrative\":\"Write a crate\"}");
        assertThat(doc.path("credentialSubject").path("identifier").get(0).toString()).isEqualTo(
                "{\"type\":\"IdentityObject\",\"identityHash\":\"someone@uni.test\",\"identityType\":\"emailAddress\","
                        + "\"hashed\":false}");
    }

    @Test
    void theDidDocumentListsMultikeysControlledByTheDidForAssertions() throws Exception {
        String json = JSON.writeValueAsString(documents.didDocument("i-1",
                List.of(OpenBadges3.VerificationKey.multikey("key-1", "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"))));

        assertThat(json).isEqualTo("{\"@context\":[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"],"
                + "\"id\":\"" + DID + "\",\"verificationMethod\":[{\"id\":\"" + DID + "#key-1\",\"type\":\"Multikey\","
                + "\"controller\":\"" + DID + "\",\"publicKeyMultibase\":\"z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi\"}],"
                + "\"assertionMethod\":[\"" + DID + "#key-1\"]}");
        assertThat(documents.verificationMethod("i-1", "key-1")).isEqualTo(DID + "#key-1");
        assertThat(DidWeb.documentUrl(documents.issuerDid("i-1"))).isEqualTo("https://badges.test/public/issuers/i-1/did.json");
    }

    @Test
    void aJwtKeyIsPublishedAsAJsonWebKey() {
        JsonNode doc = JSON.valueToTree(documents.didDocument("i-1", List.of(
                OpenBadges3.VerificationKey.multikey("key-1", "z6Mk"),
                OpenBadges3.VerificationKey.jsonWebKey("jwt-1", Map.of("kty", "EC", "crv", "P-256", "x", "X", "y", "Y")))));

        assertThat(doc.path("@context").toString()).contains("https://w3id.org/security/jwk/v1");
        assertThat(doc.path("verificationMethod").get(1).path("type").asText()).isEqualTo("JsonWebKey");
        assertThat(doc.path("verificationMethod").get(1).path("publicKeyJwk").path("crv").asText()).isEqualTo("P-256");
        assertThat(doc.path("assertionMethod").size()).isEqualTo(2);
    }

    @Test
    void theStatusListCredentialNamesItsListAsSubject() throws Exception {
        String json = JSON.writeValueAsString(documents.statusListCredential("i-1", "1", "uH4sI",
                Instant.parse("2026-12-02T10:00:00Z"), null));

        assertThat(json).isEqualTo("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                + "\"id\":\"https://badges.test/public/issuers/i-1/status/1\","
                + "\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
                + "\"issuer\":\"" + DID + "\",\"validFrom\":\"2026-12-02T10:00:00Z\","
                + "\"credentialSubject\":{\"id\":\"https://badges.test/public/issuers/i-1/status/1#list\","
                + "\"type\":\"BitstringStatusList\",\"statusPurpose\":\"revocation\",\"encodedList\":\"uH4sI\"}}");
    }
}
