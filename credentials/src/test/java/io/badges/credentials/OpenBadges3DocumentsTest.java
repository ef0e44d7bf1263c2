package io.badges.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.RecipientIdentity;
import io.badges.vocabulary.ob3.OpenBadges3;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documents the vocabulary builds, signed and verified the way the services will. */
class OpenBadges3DocumentsTest {

    private final OpenBadges3 documents = new OpenBadges3(new PublicUrls("https://badges.test"));
    private final KeyPair proofKey = IssuerKeys.generateEd25519();
    private final KeyPair jwtKey = IssuerKeys.generateP256();
    private final Map<String, Object> didDocument = documents.didDocument("i-1", List.of(
            OpenBadges3.VerificationKey.multikey("key-1", Multikey.encode(proofKey.getPublic())),
            OpenBadges3.VerificationKey.jsonWebKey("jwt-1", IssuerKeys.publicJwk(jwtKey.getPublic(), null))));

    private Map<String, Object> credential() {
        return documents.credential(
                new OpenBadges3.Issuer("i-1", "Uni", "https://uni.test", "badges@uni.test"),
                new OpenBadges3.Achievement("b-1", "Rust", "Knows Rust", new Criteria("Write a crate", "https://uni.test/rust"),
                        "https://badges.test/public/badges/b-1/image"),
                new OpenBadges3.Award("c-1", new Recipient("email", RecipientIdentity.hash("learner@uni.test", "pepper"),
                        true, "pepper"), Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2031-12-02T10:00:00Z"),
                        new OpenBadges3.StatusEntry("1", 94_567)));
    }

    /** What a verifier does with our did:web: read the DID document, find the method, decode its key. */
    private VerificationMethodResolver fromDidDocument() {
        return url -> ((List<?>) didDocument.get("verificationMethod")).stream()
                .map(m -> (Map<?, ?>) m)
                .filter(m -> url.equals(m.get("id")) && m.get("publicKeyMultibase") instanceof String)
                .findFirst()
                .map(m -> Multikey.decodePublicKey((String) m.get("publicKeyMultibase")));
    }

    @SuppressWarnings("unchecked")
    private PublicKey jwtKeyFromDidDocument(String kid) {
        return ((List<Map<String, Object>>) didDocument.get("verificationMethod")).stream()
                .filter(m -> kid.equals(m.get("id")))
                .findFirst()
                .map(m -> IssuerKeys.fromJwk((Map<String, Object>) m.get("publicKeyJwk")))
                .orElseThrow();
    }

    @Test
    void ourCredentialCanonicalisesWithEveryTermDefinedAndVerifiesThroughTheIssuersDidDocument() {
        String method = documents.verificationMethod("i-1", "key-1");

        String signed = DataIntegrity.sign(credential(), proofKey.getPrivate(), method, Instant.parse("2026-12-02T10:00:01Z"));

        String nquads = DataIntegrity.canonicalize(signed.replaceFirst(",\"proof\":\\{.*}}$", "}"));
        assertThat(nquads)
                .contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash> \""
                        + RecipientIdentity.hash("learner@uni.test", "pepper") + "\"")
                .contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject>")
                .contains("<https://www.w3.org/ns/credentials/status#statusListIndex> \"94567\"")
                .contains("<https://schema.org/email> \"badges@uni.test\"")
                .doesNotContain("issuer-dependent");
        Verification result = DataIntegrity.verify(signed, fromDidDocument());
        assertThat(result.verified()).as(result.detail()).isTrue();
        JsonObject issuer = DataIntegrity.parse(signed).orElseThrow().getJsonObject("issuer");
        assertThat(result.keyId()).startsWith(issuer.getString("id") + "#");
        assertThat(DataIntegrity.verify(signed.replace("Knows Rust", "Knows Go"), fromDidDocument()).reason())
                .isEqualTo(Verification.Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void ourCredentialAsAVcJwtVerifiesWithTheJwkOfTheIssuersDidDocument() {
        String kid = documents.verificationMethod("i-1", "jwt-1");
        String json = DataIntegrity.sign(credential(), proofKey.getPrivate(), documents.verificationMethod("i-1", "key-1"),
                Instant.now());

        String jwt = VcJwt.sign(json, jwtKey.getPrivate(), kid);

        assertThat(VcJwt.header(jwt).kid()).isEqualTo(kid);
        Verification result = VcJwt.verify(jwt, jwtKeyFromDidDocument(VcJwt.header(jwt).kid()));
        assertThat(result.verified()).as(result.detail()).isTrue();
        assertThat(DataIntegrity.verify(result.credential(), fromDidDocument()).verified())
                .as("the embedded proof survives the JWT").isTrue();
    }

    @Test
    void aRevocationShowsInTheSignedStatusListAtTheCredentialsIndex() {
        BitstringStatusList list = new BitstringStatusList();
        list.set(94_567, true);
        Map<String, Object> statusList = documents.statusListCredential("i-1", "1", list.encode(),
                Instant.parse("2026-12-03T00:00:00Z"), null);

        String signed = DataIntegrity.sign(statusList, proofKey.getPrivate(), documents.verificationMethod("i-1", "key-1"),
                Instant.parse("2026-12-03T00:00:00Z"));

        assertThat(DataIntegrity.verify(signed, fromDidDocument()).verified()).isTrue();
        JsonObject entry = DataIntegrity.parse(DataIntegrity.sign(credential(), proofKey.getPrivate(),
                documents.verificationMethod("i-1", "key-1"), Instant.now())).orElseThrow().getJsonObject("credentialStatus");
        JsonObject listCredential = DataIntegrity.parse(signed).orElseThrow();
        assertThat(entry.getString("statusListCredential")).isEqualTo(listCredential.getString("id"));
        BitstringStatusList published =
                BitstringStatusList.decode(listCredential.getJsonObject("credentialSubject").getString("encodedList"));
        assertThat(published.get(Integer.parseInt(entry.getString("statusListIndex")))).isTrue();
        assertThat(Optional.of(published.cardinality())).contains(1);
    }
}
