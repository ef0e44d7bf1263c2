package io.badges.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import io.badges.testsupport.OpenBadgeCredentialSchema;
import io.badges.testsupport.OpenBadgeCredentialSchema.Violation;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.RecipientIdentity;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OB 3.0 acceptance: "the credential passes structural checks of the OB 3.0 JSON schema for
 * OpenBadgeCredential". The credentials are made as the command side makes them ({@link OpenBadges3}
 * then {@link DataIntegrity#sign} and {@link VcJwt#sign}); the schema is our re-statement of 1EdTech's
 * (see test-support's {@code ob3/open-badge-credential.schema.json}), and the negative cases show it bites.
 */
class OpenBadgeCredentialSchemaTest {

    private static final OpenBadges3 DOCUMENTS = new OpenBadges3(new PublicUrls("https://badges.test"));
    private static final KeyPair PROOF_KEY = IssuerKeys.generateEd25519();
    private static final KeyPair JWT_KEY = IssuerKeys.generateP256();
    private static final Instant ISSUED = Instant.parse("2026-12-02T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final OpenBadges3.Issuer ISSUER =
            new OpenBadges3.Issuer("i-1", "Uni", "https://uni.test", "badges@uni.test");
    private static final Recipient HASHED_EMAIL =
            new Recipient("email", RecipientIdentity.hash("learner@uni.test", "pepper"), true, "pepper");

    private static String signed(OpenBadges3.Issuer issuer, OpenBadges3.Achievement achievement, Recipient recipient,
                                 Instant validUntil, OpenBadges3.StatusEntry status) {
        var unsigned = DOCUMENTS.credential(issuer, achievement,
                new OpenBadges3.Award("c-1", recipient, ISSUED, validUntil, status));
        return DataIntegrity.sign(unsigned, PROOF_KEY.getPrivate(), DOCUMENTS.verificationMethod("i-1", "key-1"),
                ISSUED);
    }

    private static OpenBadges3.Achievement achievement(Criteria criteria, String image) {
        return new OpenBadges3.Achievement("b-1", "Rust", "Knows Rust", criteria, image);
    }

    /** What an award can vary: expiry, badge image, criteria kind, recipient kind, status entry, issuer contact. */
    static Stream<Arguments> awards() {
        Criteria both = new Criteria("Write a crate", "https://uni.test/rust");
        return Stream.of(
                Arguments.of("expiring, with image and status", ISSUER,
                        achievement(both, "https://badges.test/public/badges/b-1/image"), HASHED_EMAIL,
                        Instant.parse("2031-12-02T10:00:00Z"), new OpenBadges3.StatusEntry("1", 94_567)),
                Arguments.of("never expiring, no image", ISSUER, achievement(both, null), HASHED_EMAIL, null,
                        new OpenBadges3.StatusEntry("1", 0)),
                Arguments.of("criteria as a narrative only, no status entry", ISSUER,
                        achievement(new Criteria("Write a crate", null), null), HASHED_EMAIL, null, null),
                Arguments.of("criteria as a URL only", ISSUER,
                        achievement(new Criteria(null, "https://uni.test/rust"), "data:image/png;base64,iVBORw0KGgo="),
                        HASHED_EMAIL, null, new OpenBadges3.StatusEntry("2", 131_071)),
                Arguments.of("recipient not hashed", ISSUER, achievement(both, null),
                        new Recipient("email", "learner@uni.test", false, null), null,
                        new OpenBadges3.StatusEntry("1", 7)),
                Arguments.of("recipient of another kind than email (ext: identity type)", ISSUER,
                        achievement(both, null), new Recipient("url", "sha256$" + "ab".repeat(32), true, "s"), null,
                        new OpenBadges3.StatusEntry("1", 8)),
                Arguments.of("issuer profile without url or email", new OpenBadges3.Issuer("i-1", "Uni", null, null),
                        achievement(both, null), HASHED_EMAIL, null, new OpenBadges3.StatusEntry("1", 9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awards")
    void ourSignedCredentialPassesTheSchema(String what, OpenBadges3.Issuer issuer, OpenBadges3.Achievement achievement,
                                           Recipient recipient, Instant validUntil, OpenBadges3.StatusEntry status)
            throws Exception {
        String credential = signed(issuer, achievement, recipient, validUntil, status);

        assertThat(OpenBadgeCredentialSchema.violations(credential)).isEmpty();
        assertThat(JSON.readTree(credential).has("validUntil")).isEqualTo(validUntil != null);
        assertThat(JSON.readTree(credential).at("/credentialSubject/achievement").has("image")).isEqualTo(
                achievement.image() != null);
    }

    @Test
    void theCredentialInsideOurVcJwtPassesTheSchema() {
        String credential = signed(ISSUER, achievement(new Criteria("Write a crate", null), null), HASHED_EMAIL,
                Instant.parse("2031-12-02T10:00:00Z"), new OpenBadges3.StatusEntry("1", 1));
        String jwt = VcJwt.sign(credential, JWT_KEY.getPrivate(), DOCUMENTS.verificationMethod("i-1", "jwt-1"));

        Verification read = VcJwt.verify(jwt, JWT_KEY.getPublic());

        assertThat(read.verified()).as(read.detail()).isTrue();
        assertThat(OpenBadgeCredentialSchema.violations(read.credential())).isEmpty();
    }

    /** 1EdTech's validator fixture ob30/simple.json (Apache-2.0): a subject with an id, no identifier. */
    @Test
    void theOfficialSimpleExamplePassesTheSchema() {
        assertThat(OpenBadgeCredentialSchema.violations(Resources.text("ob30/simple.json"))).isEmpty();
    }

    // ---- the schema bites ---------------------------------------------------------------------------------

    private static List<Violation> violationsAfter(Consumer<ObjectNode> change) throws Exception {
        String credential = signed(ISSUER, achievement(new Criteria("Write a crate", "https://uni.test/rust"),
                "https://badges.test/public/badges/b-1/image"), HASHED_EMAIL, null,
                new OpenBadges3.StatusEntry("1", 3));
        ObjectNode doc = (ObjectNode) JSON.readTree(credential);
        change.accept(doc);
        return OpenBadgeCredentialSchema.violations(JSON.writeValueAsString(doc));
    }

    /** The change breaks exactly one rule, at this place. */
    private static void failsOnlyAt(Consumer<ObjectNode> change, String at, String keyword) throws Exception {
        assertThat(violationsAfter(change)).extracting(Violation::at, Violation::keyword)
                .containsExactly(tuple(at, keyword));
    }

    private static ObjectNode identity(ObjectNode doc) {
        return (ObjectNode) doc.at("/credentialSubject/identifier/0");
    }

    private static ObjectNode achievement(ObjectNode doc) {
        return (ObjectNode) doc.at("/credentialSubject/achievement");
    }

    private static ObjectNode image(ObjectNode doc) {
        return (ObjectNode) doc.at("/credentialSubject/achievement/image");
    }

    @Test
    void anAchievementWithoutCriteriaFailsAtThatField() throws Exception {
        failsOnlyAt(doc -> achievement(doc).remove("criteria"), "/credentialSubject/achievement/criteria", "required");
    }

    @Test
    void anAchievementWithoutDescriptionOrNameFailsAtEachField() throws Exception {
        assertThat(violationsAfter(doc -> achievement(doc).remove(List.of("description", "name"))))
                .extracting(Violation::at, Violation::keyword)
                .containsExactly(tuple("/credentialSubject/achievement/description", "required"),
                        tuple("/credentialSubject/achievement/name", "required"));
    }

    @Test
    void anIdentityObjectWithoutItsHashFailsAtThatField() throws Exception {
        failsOnlyAt(doc -> identity(doc).remove("identityHash"),
                "/credentialSubject/identifier/0/identityHash", "required");
    }

    @Test
    void anIdentityObjectIsClosedToUnknownProperties() throws Exception {
        failsOnlyAt(doc -> identity(doc).put("email", "learner@uni.test"),
                "/credentialSubject/identifier/0/email", "additionalProperties");
    }

    @Test
    void anIdentityTypeOutsideTheEnumerationFails() throws Exception {
        assertThat(violationsAfter(doc -> identity(doc).put("identityType", "email")))
                .extracting(Violation::at)
                .isNotEmpty()
                .allMatch("/credentialSubject/identifier/0/identityType"::equals);
    }

    @Test
    void anImageIsClosedAndTyped() throws Exception {
        failsOnlyAt(doc -> image(doc).put("alt", "a crab"), "/credentialSubject/achievement/image/alt",
                "additionalProperties");
        failsOnlyAt(doc -> image(doc).put("type", "ImageObject"), "/credentialSubject/achievement/image/type", "const");
    }

    @Test
    void aSubjectWithNeitherIdNorIdentifierFails() throws Exception {
        assertThat(violationsAfter(doc -> ((ObjectNode) doc.get("credentialSubject")).remove("identifier")))
                .extracting(Violation::at, Violation::keyword)
                .containsExactly(tuple("/credentialSubject/id", "required"),
                        tuple("/credentialSubject/identifier", "required"));
    }

    @Test
    void theVcdm11DateNamesDoNotStandInForValidFrom() throws Exception {
        failsOnlyAt(doc -> doc.set("issuanceDate", doc.remove("validFrom")), "/validFrom", "required");
    }

    @Test
    void validFromMustBeADateTime() throws Exception {
        failsOnlyAt(doc -> doc.put("validFrom", "2 December 2026"), "/validFrom", "format");
    }

    @Test
    void theContextMustStartWithVcdm2ThenAnOpenBadgesContext() throws Exception {
        String vcdm11 = "https://www.w3.org/2018/credentials/v1";
        failsOnlyAt(doc -> ((ArrayNode) doc.get("@context")).set(0, vcdm11), "/@context/0", "const");
        failsOnlyAt(doc -> ((ArrayNode) doc.get("@context")).remove(1), "/@context", "minItems");
    }

    @Test
    void theIssuerMustBeAProfileObject() throws Exception {
        failsOnlyAt(doc -> doc.put("issuer", "did:web:badges.test:public:issuers:i-1"), "/issuer", "type");
        failsOnlyAt(doc -> ((ObjectNode) doc.get("issuer")).remove("type"), "/issuer/type", "required");
    }

    @Test
    void theCredentialTypesMustNameAnOpenBadgeCredential() throws Exception {
        assertThat(violationsAfter(doc -> doc.putArray("type").add("VerifiableCredential")))
                .extracting(Violation::at)
                .isNotEmpty()
                .allMatch("/type"::equals);
    }
}
