package io.badges.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.badges.credentials.Verification.Reason;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Open Badges 3.0 credentials as VC-JWTs (OB 3.0 section 8.2, "JSON Web Token Proof Format").
 *
 * <p>The JOSE header is {@code alg} (ES256 for a P-256 key, RS256 for an RSA key), {@code kid} (a URL
 * that dereferences to the public JWK) and {@code typ: "JWT"}. The payload is, in the VCDM 2.0 form we
 * produce by default, the credential itself plus the registered claims {@code iss} = issuer id,
 * {@code jti} = credential id, {@code nbf} = validFrom, {@code exp} = validUntil and {@code sub} =
 * credentialSubject.id (the last two only when the credential has them); in the VCDM 1.1 form the
 * credential is the {@code vc} claim instead. Both forms are read.
 *
 * <p>Verification accepts RS256, ES256 and EdDSA (Ed25519) and nothing else ({@code none}, HMAC and
 * others are refused before any key is used).
 */
public final class VcJwt {

    /** Where the credential sits in the payload. */
    public enum Form {
        /** VCDM 2.0 / OB 3.0: the payload is the credential plus the JWT claims. */
        CREDENTIAL_AS_PAYLOAD,
        /** VCDM 1.1: the credential is the {@code vc} claim. */
        VC_CLAIM
    }

    /** The JOSE header of a VC-JWT as far as finding its key goes. */
    public record Header(String alg, String kid, String typ, Optional<PublicKey> jwk) {
    }

    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
    private static final List<String> JWT_CLAIMS = List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");
    private static final String VC = "vc";

    private VcJwt() {
    }

    /** The credential as a VC-JWT in the VCDM 2.0 form (the credential is the payload). */
    public static String sign(String credentialJson, PrivateKey key, String kid) {
        return sign(credentialJson, key, kid, Form.CREDENTIAL_AS_PAYLOAD);
    }

    /**
     * The credential as a compact JWS.
     *
     * @param key a P-256 EC private key (ES256) or an RSA private key (RS256)
     * @param kid the URL of the public key (a JWK), e.g. {@code did:web:...#key-1}; may be null
     * @throws IllegalArgumentException when the credential is not a JSON object, has no issuer or
     *                                  validFrom, or the key is of another kind
     */
    public static String sign(String credentialJson, PrivateKey key, String kid, Form form) {
        Map<String, Object> credential = parseObject(credentialJson)
                .orElseThrow(() -> new IllegalArgumentException("the credential is not a JSON object"));
        String issuer = issuerId(credential)
                .orElseThrow(() -> new IllegalArgumentException("the credential names no issuer"));
        Instant validFrom = dateTime(credential, "validFrom", "issuanceDate")
                .orElseThrow(() -> new IllegalArgumentException("the credential has no validFrom date-time"));
        JWTClaimsSet.Builder claims;
        try {
            claims = form == Form.VC_CLAIM ? new JWTClaimsSet.Builder().claim(VC, credential)
                    : new JWTClaimsSet.Builder(JWTClaimsSet.parse(credential));
        } catch (ParseException e) {
            throw new IllegalArgumentException("the credential uses a JWT claim name with another meaning: "
                    + e.getMessage(), e);
        }
        claims.issuer(issuer).notBeforeTime(Date.from(validFrom));
        string(credential, "id").ifPresent(claims::jwtID);
        dateTime(credential, "validUntil", "expirationDate").ifPresent(exp -> claims.expirationTime(Date.from(exp)));
        subjectId(credential).ifPresent(claims::subject);

        JWSAlgorithm alg;
        JWSSigner signer;
        if (key instanceof ECPrivateKey ec) {
            if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                throw new IllegalArgumentException("ES256 needs a P-256 key");
            }
            alg = JWSAlgorithm.ES256;
            signer = ecdsaSigner(ec);
        } else if (key instanceof RSAPrivateKey rsa) {
            alg = JWSAlgorithm.RS256;
            signer = new RSASSASigner(rsa);
        } else {
            throw new IllegalArgumentException("VC-JWTs are signed with a P-256 or RSA key, not " + key.getAlgorithm());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * The JOSE header of a compact JWS, to choose the key by its {@code kid}.
     *
     * @throws IllegalArgumentException when it is not a compact JWS
     */
    public static Header header(String jwt) {
        try {
            JWSHeader header = SignedJWT.parse(jwt.strip()).getHeader();
            return new Header(header.getAlgorithm().getName(), header.getKeyID(),
                    header.getType() == null ? null : header.getType().getType(), headerKey(header.getJWK()));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a compact JWS: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies with the public key carried as {@code jwk} in the JWS header. That proves the token is
     * intact and signed by that key, and nothing about who the issuer is.
     */
    public static Verification verifyWithHeaderJwk(String jwt) {
        Header header;
        try {
            header = header(jwt);
        } catch (IllegalArgumentException e) {
            return Verification.failed(Reason.MALFORMED, e.getMessage(), null, null);
        }
        if (header.jwk().isEmpty()) {
            return Verification.failed(Reason.UNKNOWN_KEY, "the JOSE header carries no usable public jwk",
                    header.kid(), null);
        }
        return verify(jwt, header.jwk().get());
    }

    /** Verifies the signature with this public key, then that the JWT claims agree with the credential. */
    public static Verification verify(String jwt, PublicKey key) {
        SignedJWT token;
        try {
            token = SignedJWT.parse(jwt.strip());
        } catch (ParseException | RuntimeException e) {
            return Verification.failed(Reason.MALFORMED, "not a compact JWS: " + e.getMessage(), null, null);
        }
        JWSHeader header = token.getHeader();
        String kid = header.getKeyID();
        if (header.getJWK() != null && header.getJWK().isPrivate()) {
            return Verification.failed(Reason.MALFORMED, "the JOSE header exposes a private key", kid, null);
        }
        JWSAlgorithm alg = header.getAlgorithm();
        if (!ACCEPTED.contains(alg)) {
            return Verification.failed(Reason.UNSUPPORTED_ALGORITHM, "alg " + alg + " is not RS256, ES256 or EdDSA",
                    kid, null);
        }
        Map<String, Object> payload = token.getPayload().toJSONObject();
        if (payload == null) {
            return Verification.failed(Reason.MALFORMED, "the payload is not a JSON object", kid, null);
        }
        try {
            if (!signatureMatches(token, alg, key)) {
                return Verification.failed(Reason.SIGNATURE_MISMATCH, "the signature does not match under this key",
                        kid, null);
            }
        } catch (WrongKey e) {
            return Verification.failed(Reason.UNKNOWN_KEY, e.getMessage(), kid, null);
        }
        Map<String, Object> credential = credentialOf(payload);
        String credentialJson = JSONObjectUtils.toJSONString(credential);
        Optional<String> mismatch = claimsMismatch(payload, credential);
        if (mismatch.isPresent()) {
            return Verification.failed(Reason.CLAIMS_MISMATCH, mismatch.get(), kid, credentialJson);
        }
        return Verification.verified(kid, credentialJson);
    }

    private static boolean signatureMatches(SignedJWT token, JWSAlgorithm alg, PublicKey key) throws WrongKey {
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            if (!(key instanceof EdECPublicKey)) {
                throw new WrongKey("EdDSA needs an Ed25519 key, not " + key.getAlgorithm());
            }
            return ed25519(token, key);
        }
        JWSVerifier verifier;
        if (JWSAlgorithm.ES256.equals(alg)) {
            if (!(key instanceof ECPublicKey ec) || !Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                throw new WrongKey("ES256 needs a P-256 key, not " + key.getAlgorithm());
            }
            try {
                verifier = new ECDSAVerifier(ec);
            } catch (JOSEException e) {
                throw new WrongKey("not a usable P-256 key: " + e.getMessage());
            }
        } else {
            if (!(key instanceof RSAPublicKey rsa)) {
                throw new WrongKey("RS256 needs an RSA key, not " + key.getAlgorithm());
            }
            verifier = new RSASSAVerifier(rsa);
        }
        try {
            return token.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static boolean ed25519(SignedJWT token, PublicKey key) throws WrongKey {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(token.getSigningInput());
            return verifier.verify(token.getSignature().decode());
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new WrongKey("not a usable Ed25519 key: " + e.getMessage());
        }
    }

    /** The credential of a payload: its {@code vc} claim (VCDM 1.1), else the payload without the JWT claims. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> credentialOf(Map<String, Object> payload) {
        if (payload.get(VC) instanceof Map<?, ?> vc) {
            return (Map<String, Object>) vc;
        }
        Map<String, Object> credential = new LinkedHashMap<>(payload);
        JWT_CLAIMS.forEach(credential::remove);
        return credential;
    }

    /**
     * Each claim present must say what the credential says (OB 3.0 section 8.2.4.1); a claim the
     * credential cannot contradict (it lacks the property) is not a mismatch.
     */
    private static Optional<String> claimsMismatch(Map<String, Object> payload, Map<String, Object> credential) {
        List<String> problems = new ArrayList<>();
        compare(problems, "iss", payload.get("iss"), issuerId(credential));
        compare(problems, "jti", payload.get("jti"), string(credential, "id"));
        compare(problems, "sub", payload.get("sub"), subjectId(credential));
        compareTime(problems, "nbf", payload.get("nbf"), dateTime(credential, "validFrom", "issuanceDate"));
        compareTime(problems, "exp", payload.get("exp"), dateTime(credential, "validUntil", "expirationDate"));
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static void compare(List<String> problems, String claim, Object value, Optional<String> expected) {
        if (value != null && expected.isPresent() && !Objects.equals(value, expected.get())) {
            problems.add(claim + " " + value + " is not " + expected.get());
        }
    }

    private static void compareTime(List<String> problems, String claim, Object value, Optional<Instant> expected) {
        if (value == null || expected.isEmpty()) {
            return;
        }
        if (!(value instanceof Number seconds) || seconds.longValue() != expected.get().getEpochSecond()) {
            problems.add(claim + " " + value + " is not " + expected.get().getEpochSecond() + " (" + expected.get() + ")");
        }
    }

    private static Optional<PublicKey> headerKey(JWK jwk) {
        if (jwk == null || jwk.isPrivate()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IssuerKeys.fromJwk(jwk.toJSONObject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> issuerId(Map<String, Object> credential) {
        Object issuer = credential.get("issuer");
        if (issuer instanceof String id) {
            return Optional.of(id);
        }
        return issuer instanceof Map<?, ?> profile && profile.get("id") instanceof String id ? Optional.of(id)
                : Optional.empty();
    }

    private static Optional<String> subjectId(Map<String, Object> credential) {
        return credential.get("credentialSubject") instanceof Map<?, ?> subject && subject.get("id") instanceof String id
                ? Optional.of(id) : Optional.empty();
    }

    private static Optional<String> string(Map<String, Object> map, String name) {
        return map.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    private static Optional<Instant> dateTime(Map<String, Object> credential, String name, String legacyName) {
        Optional<String> text = string(credential, name).or(() -> string(credential, legacyName));
        try {
            return text.map(t -> OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Object>> parseObject(String json) {
        try {
            return Optional.of(JSONObjectUtils.parse(json));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JWSSigner ecdsaSigner(ECPrivateKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable P-256 key: " + e.getMessage(), e);
        }
    }

    private static final class WrongKey extends Exception {
        private static final long serialVersionUID = 1L;

        WrongKey(String message) {
            super(message);
        }
    }
}
