package io.badges.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.badges.credentials.Verification.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VcJwtTest {

    private static final String CREDENTIAL = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],\
            "id":"https://badges.test/public/credentials/c-1","type":["VerifiableCredential","OpenBadgeCredential"],\
            "issuer":{"id":"did:web:badges.test:public:issuers:i-1","type":["Profile"],"name":"Uni"},\
            "validFrom":"2026-12-02T10:00:00Z","validUntil":"2027-12-02T10:00:00Z","name":"Rust",\
            "credentialSubject":{"id":"did:example:learner","type":["AchievementSubject"],\
            "achievement":{"id":"https://badges.test/public/badges/b-1","type":["Achievement"],"name":"Rust",\
            "description":"Knows Rust","criteria":{"narrative":"Write a crate"}}}}""";
    private static final String KID = "did:web:badges.test:public:issuers:i-1#key-1";

    /** 1EdTech's validator fixture (inspector-vc/src/test/resources/ob30/, Apache-2.0), extracted from simple-jwt.svg. */
    @Nested
    class TheValidatorsJwt {

        final String jwt = Resources.text("ob30/simple-jwt.extracted-from-svg.jwt").strip();

        @Test
        void itsRs256SignatureVerifiesWithTheJwkOfItsOwnHeader() {
            Verification result = VcJwt.verifyWithHeaderJwk(jwt);

            assertThat(result.reason()).as(result.detail()).isEqualTo(Reason.VERIFIED);
            assertThat(VcJwt.header(jwt).alg()).isEqualTo("RS256");
            assertThat(DataIntegrity.parse(result.credential()).orElseThrow().getString("id"))
                    .isEqualTo("http://example.com/credentials/3527");
            assertThat(result.credential()).doesNotContain("\"jti\"").doesNotContain("\"nbf\"");
        }

        @Test
        void aChangedPayloadNoLongerVerifies() {
            String[] parts = jwt.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("Teamwork Badge", "Leadership Badge");
            String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

            assertThat(VcJwt.verifyWithHeaderJwk(tampered).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void anotherRsaKeyDoesNotVerifyIt() {
            assertThat(VcJwt.verify(jwt, IssuerKeys.generateRsa().getPublic()).reason())
                    .isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void aKeyOfTheWrongKindIsToldApart() {
            assertThat(VcJwt.verify(jwt, IssuerKeys.generateP256().getPublic()).reason()).isEqualTo(Reason.UNKNOWN_KEY);
        }
    }

    @Nested
    class RoundTrips {

        @Test
        void es256SignsWithTheRegisteredClaimsAndVerifies() throws Exception {
            KeyPair keys = IssuerKeys.generateP256();

            String jwt = VcJwt.sign(CREDENTIAL, keys.getPrivate(), KID);

            SignedJWT parsed = SignedJWT.parse(jwt);
            assertThat(parsed.getHeader().toJSONObject())
                    .isEqualTo(Map.of("alg", "ES256", "kid", KID, "typ", "JWT"));
            JWTClaimsSet claims = parsed.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo("did:web:badges.test:public:issuers:i-1");
            assertThat(claims.getJWTID()).isEqualTo("https://badges.test/public/credentials/c-1");
            assertThat(claims.getSubject()).isEqualTo("did:example:learner");
            assertThat(claims.getNotBeforeTime().toInstant()).hasToString("2026-12-02T10:00:00Z");
            assertThat(claims.getExpirationTime().toInstant()).hasToString("2027-12-02T10:00:00Z");
            assertThat(claims.getClaim("credentialSubject")).isInstanceOf(Map.class);
            assertThat(claims.getClaim("vc")).isNull();

            Verification result = VcJwt.verify(jwt, keys.getPublic());
            assertThat(result.reason()).as(result.detail()).isEqualTo(Reason.VERIFIED);
            assertThat(result.keyId()).isEqualTo(KID);
            assertThat(JSONObjectUtils.parse(result.credential())).isEqualTo(JSONObjectUtils.parse(CREDENTIAL));
        }

        @Test
        void rs256SignsAndVerifies() {
            KeyPair keys = IssuerKeys.generateRsa();

            String jwt = VcJwt.sign(CREDENTIAL, keys.getPrivate(), KID);

            assertThat(VcJwt.header(jwt).alg()).isEqualTo("RS256");
            assertThat(VcJwt.verify(jwt, keys.getPublic()).verified()).isTrue();
            assertThat(VcJwt.verify(jwt, IssuerKeys.generateRsa().getPublic()).reason())
                    .isEqualTo(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void theVcClaimFormOfVcdm11IsProducedAndRead() throws Exception {
            KeyPair keys = IssuerKeys.generateP256();

            String jwt = VcJwt.sign(CREDENTIAL, keys.getPrivate(), KID, VcJwt.Form.VC_CLAIM);

            assertThat(SignedJWT.parse(jwt).getJWTClaimsSet().getJSONObjectClaim("vc")).containsKey("credentialSubject");
            Verification result = VcJwt.verify(jwt, keys.getPublic());
            assertThat(result.verified()).as(result.detail()).isTrue();
            assertThat(JSONObjectUtils.parse(result.credential())).isEqualTo(JSONObjectUtils.parse(CREDENTIAL));
        }

        @Test
        void anEdDsaJwtVerifiesWithItsEd25519Key() throws Exception {
            KeyPair keys = IssuerKeys.generateEd25519();
            String input = Base64URL.encode("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\"}") + "." + Base64URL.encode(CREDENTIAL);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            String jwt = input + "." + Base64URL.encode(signer.sign());

            assertThat(VcJwt.verify(jwt, keys.getPublic()).verified()).isTrue();
            assertThat(VcJwt.verify(jwt, IssuerKeys.generateEd25519().getPublic()).reason())
                    .isEqualTo(Reason.SIGNATURE_MISMATCH);
            assertThat(VcJwt.verify(jwt, IssuerKeys.generateRsa().getPublic()).reason()).isEqualTo(Reason.UNKNOWN_KEY);
        }

        @Test
        void claimsThatContradictTheCredentialAreToldApart() throws Exception {
            KeyPair keys = IssuerKeys.generateRsa();
            JWTClaimsSet claims = new JWTClaimsSet.Builder(JWTClaimsSet.parse(CREDENTIAL))
                    .issuer("https://someone-else.test").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));

            Verification result = VcJwt.verify(jwt.serialize(), keys.getPublic());

            assertThat(result.reason()).isEqualTo(Reason.CLAIMS_MISMATCH);
            assertThat(result.detail()).contains("iss");
        }

        @Test
        void unsignedAndHmacTokensAreRefusedBeforeAnyKeyIsUsed() {
            KeyPair keys = IssuerKeys.generateRsa();
            String none = Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(CREDENTIAL) + ".";
            String hmac = Base64URL.encode("{\"alg\":\"HS256\"}") + "." + Base64URL.encode(CREDENTIAL) + ".c2ln";

            assertThat(VcJwt.verify(none, keys.getPublic()).reason()).isIn(Reason.MALFORMED, Reason.UNSUPPORTED_ALGORITHM);
            assertThat(VcJwt.verify(hmac, keys.getPublic()).reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
            assertThat(VcJwt.verify("not.a.jwt", keys.getPublic()).reason()).isEqualTo(Reason.MALFORMED);
        }

        @Test
        void onlyP256AndRsaKeysSignAndACredentialNeedsAnIssuerAndValidFrom() {
            assertThatThrownBy(() -> VcJwt.sign(CREDENTIAL, IssuerKeys.generateEd25519().getPrivate(), KID))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> VcJwt.sign("{\"validFrom\":\"2026-12-02T10:00:00Z\"}",
                    IssuerKeys.generateP256().getPrivate(), KID)).hasMessageContaining("issuer");
            assertThatThrownBy(() -> VcJwt.sign("{\"issuer\":\"did:example:i\"}",
                    IssuerKeys.generateP256().getPrivate(), KID)).hasMessageContaining("validFrom");
        }
    }
}
