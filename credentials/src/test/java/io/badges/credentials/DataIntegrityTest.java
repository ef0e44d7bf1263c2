package io.badges.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badges.credentials.Verification.Reason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DataIntegrityTest {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * The test vector of the 1EdTech Open Badges 3.0 Implementation Guide (Final Release 2.0, 7 April
     * 2025), chapter "Linked Data Proof Test Vector for Open Badges 3.0",
     * https://www.imsglobal.org/spec/ob/v3p0/impl/#ob-linked-data-proof (its canonical N-Quads also in
     * github.com/1EdTech/openbadges-specification, ob_v3p0/impl/test-vectors/obv3p0/). The key pair,
     * the canonical N-Quads, both hashes, the signature and the proofValue below are the guide's.
     */
    @Nested
    class TheOpenBadgesSpecificationVector {

        static final String PUBLIC_KEY = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5";
        static final String SEED = "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4";
        static final String PUBLIC_KEY_MULTIBASE = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
        static final String VERIFICATION_METHOD = "https://example.edu/issuers/565049#" + PUBLIC_KEY_MULTIBASE;
        static final Instant CREATED = Instant.parse("2010-01-01T19:23:24Z");
        static final String DOCUMENT_HASH = "87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773";
        static final String PROOF_HASH = "d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19";
        static final String SIGNATURE = "f7a017acf7d27983267ec362657c0fb08e955549f49dac5bf36a03c4f2c3a4f1"
                + "e3738a6c5ecd7ffba7135cb9cd754e6196f4b73082ea8df8e703c8ecd4333503";
        static final String PROOF_VALUE =
                "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr";

        final String credential = Resources.text("vectors/ob30-impl-guide-credential.json");
        final KeyPair keys = Multikey.keyPair(HEX.parseHex(SEED));

        @Test
        void theSeedGivesThePublishedPublicKeyAndMultikey() {
            assertThat(HEX.formatHex(Multikey.rawPublicKey(keys.getPublic()))).isEqualTo(PUBLIC_KEY);
            assertThat(Multikey.encode(keys.getPublic())).isEqualTo(PUBLIC_KEY_MULTIBASE);
        }

        @Test
        void theCredentialCanonicalisesToThePublishedNQuadsAndHash() {
            String nquads = DataIntegrity.canonicalize(credential);

            assertThat(nquads).isEqualTo(Resources.text("vectors/ob30-impl-guide-document-canon.nq"));
            assertThat(HEX.formatHex(DataIntegrity.sha256(nquads))).isEqualTo(DOCUMENT_HASH);
        }

        @Test
        void theProofOptionsWithTheCredentialsContextCanonicaliseToThePublishedNQuadsAndHash() {
            String nquads = DataIntegrity.canonicalize(proofConfig());

            assertThat(nquads).isEqualTo(Resources.text("vectors/ob30-impl-guide-proof-canon.nq"));
            assertThat(HEX.formatHex(DataIntegrity.sha256(nquads))).isEqualTo(PROOF_HASH);
        }

        @Test
        void signingGivesThePublishedSignatureAndProofValueByteForByte() throws Exception {
            String signed = DataIntegrity.sign(credential, keys.getPrivate(), VERIFICATION_METHOD, CREATED);

            JsonObject proof = DataIntegrity.parse(signed).orElseThrow().getJsonObject("proof");
            assertThat(proof.getString("proofValue")).isEqualTo(PROOF_VALUE);
            assertThat(HEX.formatHex(Multibase.decode(proof.getString("proofValue")))).isEqualTo(SIGNATURE);
            assertThat(HEX.formatHex(DataIntegrity.hashData(
                    DataIntegrity.parse(proofConfig()).orElseThrow(), DataIntegrity.parse(credential).orElseThrow())))
                    .isEqualTo(PROOF_HASH + DOCUMENT_HASH);
            assertThat(proof.toString()).isEqualTo("{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\","
                    + "\"created\":\"2010-01-01T19:23:24Z\",\"verificationMethod\":\"" + VERIFICATION_METHOD + "\","
                    + "\"proofPurpose\":\"assertionMethod\",\"proofValue\":\"" + PROOF_VALUE + "\"}");
        }

        @Test
        void thePublishedSignedCredentialVerifies() {
            String signed = DataIntegrity.sign(credential, keys.getPrivate(), VERIFICATION_METHOD, CREATED);

            Verification result = DataIntegrity.verify(signed, VerificationMethodResolver.multikeyFragment());

            assertThat(result.verified()).as(result.detail()).isTrue();
            assertThat(result.keyId()).isEqualTo(VERIFICATION_METHOD);
        }

        private String proofConfig() {
            JsonObject document = DataIntegrity.parse(credential).orElseThrow();
            return Json.createObjectBuilder()
                    .add("@context", document.get("@context"))
                    .add("type", "DataIntegrityProof")
                    .add("created", "2010-01-01T19:23:24Z")
                    .add("verificationMethod", VERIFICATION_METHOD)
                    .add("cryptosuite", "eddsa-rdfc-2022")
                    .add("proofPurpose", "assertionMethod")
                    .build().toString();
        }
    }

    /** 1EdTech's validator fixture (inspector-vc/src/test/resources/ob30/simple.json, Apache-2.0). */
    @Nested
    class TheValidatorsSimpleCredential {

        final String simple = Resources.text("ob30/simple.json");

        @Test
        void verifiesWithTheMultikeyOfItsVerificationMethod() {
            Verification result = DataIntegrity.verify(simple, VerificationMethodResolver.multikeyFragment());

            assertThat(result.reason()).as(result.detail()).isEqualTo(Reason.VERIFIED);
            assertThat(result.keyId())
                    .isEqualTo("https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
        }

        @Test
        void aChangedClaimNoLongerVerifies() {
            String tampered = simple.replace("\"name\": \"Teamwork Badge\"", "\"name\": \"Leadership Badge\"");
            assertThat(tampered).isNotEqualTo(simple);

            Verification result = DataIntegrity.verify(tampered, VerificationMethodResolver.multikeyFragment());

            assertThat(result.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void aChangedProofValueNoLongerVerifies() {
            String proofValue = "z41ZsNkz78FHSGkAD5J4b8EN49DkywMMJSL3UdUNffbsCAWmTLPvtnJpd3JGGooYX7TNrzgsTLkXUWiGsRRZ788ML";
            String other = "z41ZsNkz78FHSGkAD5J4b8EN49DkywMMJSL3UdUNffbsCAWmTLPvtnJpd3JGGooYX7TNrzgsTLkXUWiGsRRZ788MM";

            Verification result = DataIntegrity.verify(simple.replace(proofValue, other),
                    VerificationMethodResolver.multikeyFragment());

            assertThat(result.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void aProofValueThatIsNotASignatureIsToldApart() {
            String proofValue = "z41ZsNkz78FHSGkAD5J4b8EN49DkywMMJSL3UdUNffbsCAWmTLPvtnJpd3JGGooYX7TNrzgsTLkXUWiGsRRZ788ML";

            assertThat(DataIntegrity.verify(simple.replace(proofValue, "z3mJ"),
                    VerificationMethodResolver.multikeyFragment()).reason()).isEqualTo(Reason.BAD_PROOF_VALUE);
            assertThat(DataIntegrity.verify(simple.replace(proofValue, "u" + proofValue.substring(1)),
                    VerificationMethodResolver.multikeyFragment()).reason()).isEqualTo(Reason.BAD_PROOF_VALUE);
            assertThat(DataIntegrity.verify(simple.replace(proofValue, "z0OIl"),
                    VerificationMethodResolver.multikeyFragment()).reason()).isEqualTo(Reason.BAD_PROOF_VALUE);
        }

        @Test
        void anotherKeyDoesNotVerifyIt() {
            PublicKey other = IssuerKeys.generateEd25519().getPublic();

            Verification result = DataIntegrity.verify(simple, url -> Optional.of(other));

            assertThat(result.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void anUnknownVerificationMethodIsToldApart() {
            assertThat(DataIntegrity.verify(simple, url -> Optional.empty()).reason()).isEqualTo(Reason.UNKNOWN_KEY);
        }

        @Test
        void theWrongCryptosuiteTypeOrPurposeAreToldApart() {
            VerificationMethodResolver keys = VerificationMethodResolver.multikeyFragment();

            assertThat(DataIntegrity.verify(simple.replace("\"eddsa-rdfc-2022\"", "\"eddsa-jcs-2022\""), keys).reason())
                    .isEqualTo(Reason.WRONG_CRYPTOSUITE);
            assertThat(DataIntegrity.verify(simple.replace("\"DataIntegrityProof\"", "\"Ed25519Signature2020\""), keys)
                    .reason()).isEqualTo(Reason.WRONG_PROOF_TYPE);
            assertThat(DataIntegrity.verify(simple.replace("\"assertionMethod\"", "\"authentication\""), keys).reason())
                    .isEqualTo(Reason.WRONG_PROOF_PURPOSE);
            assertThat(DataIntegrity.verify(simple, keys, "authentication").reason())
                    .isEqualTo(Reason.WRONG_PROOF_PURPOSE);
        }

        @Test
        void anUnknownContextIsNeverFetchedAndIsToldApart() {
            String elsewhere = simple.replace("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                    "https://contexts.test/ob.json");

            Verification result = DataIntegrity.verify(elsewhere, VerificationMethodResolver.multikeyFragment());

            assertThat(result.reason()).isEqualTo(Reason.UNKNOWN_CONTEXT);
            assertThat(result.detail()).contains("https://contexts.test/ob.json");
        }

        @Test
        void somethingThatIsNotACredentialIsMalformedOrUnproven() {
            VerificationMethodResolver keys = VerificationMethodResolver.multikeyFragment();

            assertThat(DataIntegrity.verify("not json", keys).reason()).isEqualTo(Reason.MALFORMED);
            assertThat(DataIntegrity.verify("[1]", keys).reason()).isEqualTo(Reason.MALFORMED);
            assertThat(DataIntegrity.verify("{\"a\":1,\"a\":2}", keys).reason()).isEqualTo(Reason.MALFORMED);
            assertThat(DataIntegrity.verify("{\"id\":\"urn:x\"}", keys).reason()).isEqualTo(Reason.NO_PROOF);
            assertThat(DataIntegrity.verify("{\"proof\":[]}", keys).reason()).isEqualTo(Reason.NO_PROOF);
        }
    }

    @Nested
    class RoundTrips {

        final KeyPair keys = IssuerKeys.generateEd25519();
        final String method = Multikey.didKeyVerificationMethod(keys.getPublic());
        final String credential = Resources.text("vectors/ob30-impl-guide-credential.json");

        @Test
        void whatWeSignVerifiesWithTheKeyOfItsDidKey() {
            String signed = DataIntegrity.sign(credential, keys.getPrivate(), method, Instant.parse("2026-12-02T10:15:30.123Z"));

            Verification result = DataIntegrity.verify(signed, VerificationMethodResolver.didKey());

            assertThat(result.verified()).as(result.detail()).isTrue();
            assertThat(DataIntegrity.parse(signed).orElseThrow().getJsonObject("proof").getString("created"))
                    .isEqualTo("2026-12-02T10:15:30Z");
        }

        @Test
        void aDocumentBuiltAsMapsSignsLikeItsJson() {
            Map<String, Object> document = Map.of(
                    "@context", List.of(Contexts.CREDENTIALS_V2),
                    "id", "urn:uuid:2f8a2d5e-4c1e-4d0a-9c53-6b2f1b0c9a11",
                    "type", List.of("VerifiableCredential"),
                    "issuer", Multikey.didKey(keys.getPublic()),
                    "validFrom", "2026-12-02T10:00:00Z",
                    "credentialSubject", Map.of("id", "did:example:subject"));

            String signed = DataIntegrity.sign(document, keys.getPrivate(), method, Instant.now());

            assertThat(DataIntegrity.verify(signed, VerificationMethodResolver.didKey()).verified()).isTrue();
        }

        @Test
        void aVerifiedProofSetNeedsOnlyOneGoodProof() {
            String signed = DataIntegrity.sign(credential, keys.getPrivate(), method, Instant.now());
            JsonObject document = DataIntegrity.parse(signed).orElseThrow();
            JsonObject good = document.getJsonObject("proof");
            JsonObject foreign = Json.createObjectBuilder(good).add("cryptosuite", "ecdsa-rdfc-2019").build();
            String set = DataIntegrity.write(Json.createObjectBuilder(document)
                    .add("proof", Json.createArrayBuilder().add(foreign).add(good)).build());

            assertThat(DataIntegrity.verify(set, VerificationMethodResolver.didKey()).verified()).isTrue();
        }

        @Test
        void aCredentialThatAlreadyCarriesAProofOrUsesAnUndefinedTermIsNotSigned() {
            String signed = DataIntegrity.sign(credential, keys.getPrivate(), method, Instant.now());

            assertThatThrownBy(() -> DataIntegrity.sign(signed, keys.getPrivate(), method, Instant.now()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
            assertThatThrownBy(() -> DataIntegrity.sign("{\"@context\":{\"@version\":1.1},\"foo\":1}",
                    keys.getPrivate(), method, Instant.now()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonicalise");
        }
    }
}
