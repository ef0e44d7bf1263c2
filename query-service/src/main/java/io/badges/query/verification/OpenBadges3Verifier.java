package io.badges.query.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.credentials.DataIntegrity;
import io.badges.credentials.VcJwt;
import io.badges.credentials.Verification;
import io.badges.vocabulary.RecipientIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Verifies Open Badges 3.0 credentials presented from any issuer: JSON-LD with a Data Integrity
 * {@code eddsa-rdfc-2022} proof ({@code ob30-ldp}) or a VC-JWT ({@code ob30-jwt}).
 *
 * <p>Keys: see {@link VerificationKeys} (did:key, did:web, http(s) verification methods, Multikey
 * fragments). A VC-JWT without a resolvable {@code kid} is checked with its header {@code jwk}, which
 * proves nothing about the issuer.
 *
 * <p>Issuer binding, its own check: the key's proven controller must be the credential's issuer id, or
 * the did:web of an https issuer id; a key nobody is proven to control leaves it unproven (failed).
 *
 * <p>Status: see {@link CredentialStatuses}. What a verification loads is charged to one
 * {@link FetchBudget}.
 *
 * <p>Times: validFrom / validUntil (VCDM 2.0) or issuanceDate / expirationDate (1.1), with {@link #SKEW}.
 */
@Component
class OpenBadges3Verifier {

    static final Duration SKEW = Duration.ofMinutes(5);
    static final String LDP = "ob30-ldp";
    static final String JWT = "ob30-jwt";

    private final DocumentFetcher fetcher;
    private final CredentialStatuses statuses;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    OpenBadges3Verifier(DocumentFetcher fetcher, CredentialStatuses statuses, Clock clock) {
        this.fetcher = fetcher;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** Whether a JSON document is a Verifiable Credential (so: OB 3.0, not OB 2.0). */
    static boolean isCredential(JsonNode node) {
        String types = node.path("type").toString();
        return types.contains("VerifiableCredential") || types.contains("OpenBadgeCredential");
    }

    /** Whether a compact JWS carries a VC (a credential payload or a {@code vc} claim), not an OB 2.0 assertion. */
    static boolean isVcJwt(String compact, ObjectMapper mapper) {
        JsonNode payload = jwsPayload(compact, mapper);
        return payload != null && (payload.has("vc") || isCredential(payload));
    }

    private static JsonNode jwsPayload(String compact, ObjectMapper mapper) {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode payload = mapper.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return payload != null && payload.isObject() ? payload : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A JSON-LD credential secured with a Data Integrity proof. */
    VerificationResult linkedData(String credentialJson) {
        return linkedData(credentialJson, null, fetcher.budget());
    }

    /**
     * A JSON-LD credential; with a recipient (an email address), whether the credential names it.
     * What it makes us load is charged to {@code budget}.
     */
    VerificationResult linkedData(String credentialJson, String recipient, FetchBudget budget) {
        VerificationResult.Builder result = new VerificationResult.Builder();
        JsonNode credential;
        try {
            credential = json.readTree(credentialJson);
        } catch (Exception e) {
            credential = null;
        }
        if (!wellFormed(credential, result)) {
            return result.build(LDP);
        }
        VerificationKeys keys = new VerificationKeys(fetcher, budget);
        Verification proof = DataIntegrity.verify(credentialJson, keys);
        result.check("proof valid", proof.verified(), proof.verified()
                ? "the eddsa-rdfc-2022 proof verifies with " + proof.keyId()
                : proof.reason() + ": " + proof.detail() + keys.problem(proof.keyId()));
        bindingCheck(credential, proof.verified() ? keys.found(proof.keyId()) : null, proof.verified(), result);
        credentialChecks(credential, recipient, budget, result);
        return result.build(LDP);
    }

    /** A VC-JWT (compact JWS). */
    VerificationResult jwt(String compact) {
        return jwt(compact, null, fetcher.budget());
    }

    /** A VC-JWT; with a recipient (an email address), whether the credential names it. */
    VerificationResult jwt(String compact, String recipient, FetchBudget budget) {
        VerificationResult.Builder result = new VerificationResult.Builder();
        String token = compact.strip();
        JsonNode payload = jwsPayload(token, json);
        VcJwt.Header header;
        try {
            header = VcJwt.header(token);
        } catch (IllegalArgumentException e) {
            header = null;
        }
        if (payload == null || header == null) {
            result.check("well-formed", false, "not a compact JWS with a JSON payload");
            return result.build(JWT);
        }
        JsonNode credential = payload.has("vc") ? payload.get("vc") : payload;
        if (!wellFormed(credential, result)) {
            return result.build(JWT);
        }
        VerificationKeys keys = new VerificationKeys(fetcher, budget);
        VerificationKeys.Found key = header.kid() == null ? null : keys.lookup(header.kid());
        Verification signature;
        String source;
        if (key != null) {
            signature = VcJwt.verify(token, key.key());
            source = "the key " + header.kid();
        } else if (header.jwk().isPresent()) {
            signature = VcJwt.verify(token, header.jwk().get());
            source = "the jwk of the JOSE header" + (header.kid() == null ? "" : " (kid " + header.kid()
                    + " not resolved" + keys.problem(header.kid()) + ")");
            key = new VerificationKeys.Found(header.jwk().get(), null, "the key was read from the JOSE header (jwk), which "
                    + "anyone can write; nothing ties it to the issuer");
        } else {
            signature = null;
            source = header.kid() == null ? "the JOSE header names no kid and carries no jwk"
                    : "no key for kid " + header.kid() + keys.problem(header.kid());
        }
        boolean verified = signature != null && signature.verified();
        result.check("signature valid", verified, signature == null ? source
                : verified ? header.alg() + " signature verifies with " + source
                : signature.reason() + ": " + signature.detail() + " (" + source + ")");
        bindingCheck(credential, verified ? key : null, verified, result);
        credentialChecks(credential, recipient, budget, result);
        return result.build(JWT);
    }

    private boolean wellFormed(JsonNode credential, VerificationResult.Builder result) {
        if (credential == null || !credential.isObject()) {
            return result.check("well-formed", false, "not a JSON object");
        }
        List<String> missing = new ArrayList<>();
        if (!isCredential(credential)) {
            missing.add("type VerifiableCredential");
        }
        if (issuerId(credential) == null) {
            missing.add("issuer");
        }
        if (!credential.path("credentialSubject").isObject()) {
            missing.add("credentialSubject");
        }
        if (!missing.isEmpty()) {
            return result.check("well-formed", false, "missing " + String.join(", ", missing));
        }
        JsonNode issuer = credential.path("issuer");
        result.issuer(new VerificationResult.Issuer(issuerId(credential), issuer.path("name").asText(null)));
        String achievement = credential.path("credentialSubject").path("achievement").path("name").asText(null);
        if (achievement != null) {
            result.achievement(new VerificationResult.Achievement(achievement));
        }
        return result.check("well-formed", true, "a Verifiable Credential issued by " + issuerId(credential));
    }

    private static String issuerId(JsonNode credential) {
        JsonNode issuer = credential.path("issuer");
        return issuer.isTextual() ? issuer.asText() : issuer.path("id").asText(null);
    }

    private void bindingCheck(JsonNode credential, VerificationKeys.Found key, boolean signatureVerified,
                              VerificationResult.Builder result) {
        String issuer = issuerId(credential);
        if (!signatureVerified || key == null) {
            result.check("issuer binding", false, "unproven: the signature did not verify");
        } else if (key.controller() == null) {
            result.check("issuer binding", false, "unproven: " + key.note());
        } else {
            boolean bound = VerificationKeys.controls(key.controller(), issuer);
            result.check("issuer binding", bound, bound ? "the key is controlled by the issuer " + issuer
                    : "the key is controlled by " + key.controller() + ", not by the issuer " + issuer);
        }
    }

    private void credentialChecks(JsonNode credential, String recipient, FetchBudget budget,
                                  VerificationResult.Builder result) {
        statuses.check(credential, issuerId(credential), budget, result);
        if (recipient != null) {
            boolean matches = false;
            JsonNode subject = credential.path("credentialSubject");
            for (JsonNode identity : subject.path("identifier")) {
                matches |= RecipientIdentity.matches(identity.path("identityHash").asText(null),
                        identity.path("hashed").asBoolean(false), identity.path("salt").asText(null), recipient);
            }
            matches |= ("mailto:" + recipient).equalsIgnoreCase(subject.path("id").asText());
            result.recipientMatches(matches);
            result.check("recipient matches", matches, matches ? "identity matches" : "identity does not match");
        }
        Instant now = clock.instant();
        String fromName = credential.has("validFrom") ? "validFrom" : "issuanceDate";
        String untilName = credential.has("validUntil") ? "validUntil" : "expirationDate";
        String fromText = credential.path(fromName).asText(null);
        String untilText = credential.path(untilName).asText(null);
        Instant from = DateTimes.parse(fromText);
        Instant until = DateTimes.parse(untilText);
        if (fromText == null) {
            result.check("valid yet", true, "no validFrom");
        } else if (from == null) {
            result.check("valid yet", false, fromName + " is not a date-time: " + fromText);
        } else {
            result.check("valid yet", !from.isAfter(now.plus(SKEW)), fromName + " " + fromText);
        }
        if (untilText == null) {
            result.check("not expired", true, "does not expire");
        } else if (until == null) {
            result.check("not expired", false, untilName + " is not a date-time: " + untilText);
        } else {
            boolean expired = !now.isBefore(until.plus(SKEW));
            result.expired(expired);
            result.check("not expired", !expired, (expired ? "expired: " : "") + untilName + " " + untilText);
        }
    }
}
