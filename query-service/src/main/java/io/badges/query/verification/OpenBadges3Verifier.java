package io.badges.query.verification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.credentials.BitstringStatusList;
import io.badges.credentials.DataIntegrity;
import io.badges.credentials.IssuerKeys;
import io.badges.credentials.Multikey;
import io.badges.credentials.VcJwt;
import io.badges.credentials.Verification;
import io.badges.credentials.VerificationMethodResolver;
import io.badges.vocabulary.RecipientIdentity;
import io.badges.vocabulary.ob3.DidWeb;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Verifies Open Badges 3.0 credentials presented from any issuer: JSON-LD with a Data Integrity
 * {@code eddsa-rdfc-2022} proof ({@code ob30-ldp}) or a VC-JWT ({@code ob30-jwt}).
 *
 * <p>Keys: {@code did:key} (the key is the identifier), {@code did:web} (the DID document loaded through
 * the {@link DocumentFetcher}; a {@code Multikey} {@code publicKeyMultibase} or a {@code publicKeyJwk}
 * method), and, for any other URL, a Multikey written in its fragment (as 1EdTech's test vectors do):
 * such a key checks the signature only, it is never taken as the issuer's, so issuer binding is then
 * reported unproven. A VC-JWT without a resolvable {@code kid} is checked with its header {@code jwk},
 * again with issuer binding unproven.
 *
 * <p>Issuer binding: the key's controller (the DID document's id, and the method's {@code controller})
 * must be the credential's issuer id, or the did:web of an https issuer id.
 *
 * <p>Status: {@code BitstringStatusListEntry} (revocation or suspension) is checked against the list
 * credential, whose own proof must verify with a key bound to the same issuer. Any other status type
 * cannot be checked, and since nobody can then tell whether the credential was revoked, its check
 * fails ("not supported"). At most {@link #MAX_STATUS_ENTRIES} entries are checked. Not checked (yet): that
 * the list's own statusPurpose and validity period agree with the entry.
 *
 * <p>Times: validFrom / validUntil (VCDM 2.0) or issuanceDate / expirationDate (1.1), with {@link #SKEW}.
 */
@Component
class OpenBadges3Verifier {

    static final Duration SKEW = Duration.ofMinutes(5);
    static final String LDP = "ob30-ldp";
    static final String JWT = "ob30-jwt";
    /** Each status entry costs a fetch and a proof check: a credential may not make us do many. */
    static final int MAX_STATUS_ENTRIES = 4;

    private final DocumentFetcher fetcher;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    OpenBadges3Verifier(DocumentFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
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
        return linkedData(credentialJson, null);
    }

    /** A JSON-LD credential; with a recipient (an email address), whether the credential names it. */
    VerificationResult linkedData(String credentialJson, String recipient) {
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
        Keys keys = new Keys();
        Verification proof = DataIntegrity.verify(credentialJson, keys);
        result.check("proof valid", proof.verified(), proof.verified()
                ? "the eddsa-rdfc-2022 proof verifies with " + proof.keyId()
                : proof.reason() + ": " + proof.detail() + keys.problem(proof.keyId()));
        bindingCheck(credential, proof.verified() ? keys.found(proof.keyId()) : null, proof.verified(), result);
        credentialChecks(credential, recipient, result);
        return result.build(LDP);
    }

    /** A VC-JWT (compact JWS). */
    VerificationResult jwt(String compact) {
        return jwt(compact, null);
    }

    /** A VC-JWT; with a recipient (an email address), whether the credential names it. */
    VerificationResult jwt(String compact, String recipient) {
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
        Keys keys = new Keys();
        Found key = header.kid() == null ? null : keys.lookup(header.kid());
        Verification signature;
        String source;
        if (key != null) {
            signature = VcJwt.verify(token, key.key());
            source = "the key " + header.kid();
        } else if (header.jwk().isPresent()) {
            signature = VcJwt.verify(token, header.jwk().get());
            source = "the jwk of the JOSE header" + (header.kid() == null ? "" : " (kid " + header.kid()
                    + " not resolved" + keys.problem(header.kid()) + ")");
            key = new Found(header.jwk().get(), null, "the key was read from the JOSE header (jwk), which "
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
        credentialChecks(credential, recipient, result);
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

    private void bindingCheck(JsonNode credential, Found key, boolean signatureVerified,
                              VerificationResult.Builder result) {
        String issuer = issuerId(credential);
        if (!signatureVerified || key == null) {
            result.check("issuer binding", false, "unproven: the signature did not verify");
        } else if (key.controller() == null) {
            result.check("issuer binding", false, "unproven: " + key.note());
        } else {
            boolean bound = boundTo(key.controller(), issuer);
            result.check("issuer binding", bound, bound ? "the key is controlled by the issuer " + issuer
                    : "the key is controlled by " + key.controller() + ", not by the issuer " + issuer);
        }
    }

    private static boolean boundTo(String controller, String issuer) {
        if (controller.equals(issuer)) {
            return true;
        }
        if (issuer != null && issuer.startsWith("https://")) {
            try {
                return controller.equals(DidWeb.of(issuer));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private void credentialChecks(JsonNode credential, String recipient, VerificationResult.Builder result) {
        statusChecks(credential, result);
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
        Instant from = instant(fromText);
        Instant until = instant(untilText);
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

    private void statusChecks(JsonNode credential, VerificationResult.Builder result) {
        JsonNode status = credential.path("credentialStatus");
        if (status.isMissingNode() || status.isNull()) {
            result.check("not revoked", true, "the credential has no credentialStatus");
            return;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(entries::add);
        } else {
            entries.add(status);
        }
        if (entries.size() > MAX_STATUS_ENTRIES) {
            result.check("not revoked", false, entries.size() + " credentialStatus entries: at most "
                    + MAX_STATUS_ENTRIES + " are checked");
            return;
        }
        for (JsonNode entry : entries) {
            statusCheck(issuerId(credential), entry, result);
        }
    }

    private void statusCheck(String issuer, JsonNode entry, VerificationResult.Builder result) {
        String type = entry.path("type").asText("");
        String purpose = entry.path("statusPurpose").asText("revocation");
        String name = "suspension".equals(purpose) ? "not suspended" : "not revoked";
        if (!"BitstringStatusListEntry".equals(type)) {
            result.check(name, false, "status type " + (type.isEmpty() ? entry.path("type") : type)
                    + " is not supported: whether the credential was revoked cannot be told");
            return;
        }
        if (!"revocation".equals(purpose) && !"suspension".equals(purpose)) {
            result.check("status", false, "status purpose " + purpose + " is not supported");
            return;
        }
        String url = entry.path("statusListCredential").asText(null);
        int index;
        try {
            index = Integer.parseInt(entry.path("statusListIndex").asText(""));
        } catch (NumberFormatException e) {
            result.check(name, false, "statusListIndex is not a number: " + entry.path("statusListIndex"));
            return;
        }
        if (url == null) {
            result.check(name, false, "the entry names no statusListCredential");
            return;
        }
        String listJson;
        JsonNode list;
        try {
            DocumentFetcher.Fetched fetched = fetcher.fetch(url);
            if (fetched.status() != 200) {
                result.check(name, false, "status list " + url + " answered " + fetched.status());
                return;
            }
            listJson = fetched.body();
            list = fetcher.parse(url, listJson);
        } catch (FetchException e) {
            result.check(name, false, "status list not loaded: " + e.getMessage());
            return;
        }
        Keys keys = new Keys();
        Verification proof = DataIntegrity.verify(listJson, keys);
        if (!proof.verified()) {
            result.check(name, false, "the status list " + url + " fails its proof: " + proof.reason() + ": "
                    + proof.detail() + keys.problem(proof.keyId()));
            return;
        }
        Found key = keys.found(proof.keyId());
        if (key == null || key.controller() == null || !boundTo(key.controller(), issuer)) {
            result.check(name, false, "the status list " + url + " is not signed by a key of the issuer "
                    + issuer + (key == null || key.controller() == null ? "" : " (controller " + key.controller() + ")"));
            return;
        }
        BitstringStatusList bits;
        try {
            bits = BitstringStatusList.decode(list.path("credentialSubject").path("encodedList").asText(""));
        } catch (RuntimeException e) {
            result.check(name, false, "the status list " + url + " cannot be decoded: " + e.getMessage());
            return;
        }
        if (index < 0 || index >= bits.size()) {
            result.check(name, false, "statusListIndex " + index + " is out of range: the list " + url + " has "
                    + bits.size() + " entries");
            return;
        }
        boolean set = bits.get(index);
        if (set && "revocation".equals(purpose)) {
            result.revoked(true);
        }
        result.check(name, !set, (set ? ("revocation".equals(purpose) ? "revoked" : "suspended") : "clear")
                + ": bit " + index + " of " + url);
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** A public key and who controls it (null: nobody proven). */
    private record Found(PublicKey key, String controller, String note) {
    }

    /** Resolves verification methods for one verification, remembering what it found and why it failed. */
    private final class Keys implements VerificationMethodResolver {

        private final Map<String, Found> found = new HashMap<>();
        private final Map<String, String> problems = new HashMap<>();

        @Override
        public Optional<PublicKey> resolve(String url) {
            return Optional.ofNullable(lookup(url)).map(Found::key);
        }

        Found found(String url) {
            return url == null ? null : found.get(url);
        }

        String problem(String url) {
            String problem = url == null ? null : problems.get(url);
            return problem == null ? "" : " (" + problem + ")";
        }

        Found lookup(String url) {
            if (url == null) {
                return null;
            }
            if (found.containsKey(url)) {
                return found.get(url);
            }
            Found key = null;
            try {
                key = load(url);
            } catch (FetchException | RuntimeException e) {
                problems.put(url, e.getMessage());
            }
            found.put(url, key);
            return key;
        }

        private Found load(String url) throws FetchException {
            int hash = url.indexOf('#');
            String did = hash < 0 ? url : url.substring(0, hash);
            if (url.startsWith("did:key:")) {
                return Multikey.fromDidKey(url).map(key -> new Found(key, did, "did:key")).orElse(null);
            }
            if (url.startsWith("did:web:")) {
                return didWeb(url, did);
            }
            Optional<PublicKey> fragment = VerificationMethodResolver.multikeyFragment().resolve(url);
            if (fragment.isPresent()) {
                return new Found(fragment.get(), null, "the key was read from the fragment of " + did
                        + ", which anyone can write; no issuer document was loaded to tie it to the issuer");
            }
            problems.put(url, "only did:web, did:key and Multikey fragments are resolved");
            return null;
        }

        private Found didWeb(String url, String did) throws FetchException {
            JsonNode document = fetcher.json(DidWeb.documentUrl(did));
            if (!did.equals(document.path("id").asText())) {
                throw new FetchException("the DID document of " + did + " has the id " + document.path("id"));
            }
            List<JsonNode> methods = new ArrayList<>();
            document.path("verificationMethod").forEach(methods::add);
            document.path("assertionMethod").forEach(m -> {
                if (m.isObject()) {
                    methods.add(m);
                }
            });
            for (JsonNode method : methods) {
                String id = method.path("id").asText("");
                if (id.startsWith("#")) {
                    id = did + id;
                }
                if (!id.equals(url)) {
                    continue;
                }
                String controller = method.path("controller").asText(did);
                PublicKey key;
                if (method.hasNonNull("publicKeyMultibase")) {
                    key = Multikey.decodePublicKey(method.get("publicKeyMultibase").asText());
                } else if (method.path("publicKeyJwk").isObject()) {
                    key = IssuerKeys.fromJwk(json.convertValue(method.get("publicKeyJwk"),
                            new TypeReference<Map<String, Object>>() { }));
                } else {
                    throw new FetchException(url + " has neither publicKeyMultibase nor publicKeyJwk");
                }
                return new Found(key, controller, "DID document " + did);
            }
            throw new FetchException("the DID document of " + did + " lists no method " + url);
        }
    }
}
