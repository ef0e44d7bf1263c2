package io.badges.query.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import io.badges.vocabulary.RecipientIdentity;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/**
 * Verifies OB 2.0 credentials presented from anywhere: a hosted assertion is verified as the
 * document found at its own id (as the specification asks); a signed one by its JWS against the key
 * named by {@code verification.creator}, which the issuer profile must publish. Badge class, issuer
 * profile, key and revocation list are loaded through the {@link DocumentFetcher}.
 */
@Component
class PresentedCredentialVerifier {

    private final DocumentFetcher fetcher;
    private final Clock clock;

    PresentedCredentialVerifier(DocumentFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    VerificationResult hosted(JsonNode presented, String recipient) {
        return hosted(presented, recipient, fetcher.budget());
    }

    /** A hosted assertion; what it makes us load is charged to {@code budget}. */
    VerificationResult hosted(JsonNode presented, String recipient, FetchBudget budget) {
        VerificationResult.Builder result = new VerificationResult.Builder();
        String id = presented.path("id").asText(null);
        if (id == null) {
            result.check("hosted document loaded", false, "the assertion has no id");
            return result.build("ob20-hosted");
        }
        JsonNode hosted;
        try {
            DocumentFetcher.Fetched fetched = fetcher.fetch(id, budget);
            if (fetched.status() == 410) {
                JsonNode gone = fetcher.parse(id, fetched.body());
                result.check("hosted document loaded", true, id + " answered 410 Gone");
                result.revoked(true);
                result.check("not revoked", false, "revoked: " + gone.path("revocationReason").asText(""));
                return result.build("ob20-hosted");
            }
            if (fetched.status() != 200) {
                result.check("hosted document loaded", false, id + " answered " + fetched.status());
                return result.build("ob20-hosted");
            }
            hosted = fetcher.parse(id, fetched.body());
        } catch (FetchException e) {
            result.check("hosted document loaded", false, e.getMessage());
            return result.build("ob20-hosted");
        }
        result.check("hosted document loaded", true, id);
        result.check("hosted document is the one presented", id.equals(hosted.path("id").asText()),
                "id " + hosted.path("id").asText());
        assertionChecks(hosted, recipient, null, budget, result);
        return result.build("ob20-hosted");
    }

    VerificationResult signed(String compact, String recipient) {
        return signed(compact, recipient, fetcher.budget());
    }

    /** A signed assertion (compact JWS); what it makes us load is charged to {@code budget}. */
    VerificationResult signed(String compact, String recipient, FetchBudget budget) {
        VerificationResult.Builder result = new VerificationResult.Builder();
        JWSObject jws;
        JsonNode assertion;
        try {
            jws = JWSObject.parse(compact.strip());
            assertion = fetcher.parse("the JWS payload", jws.getPayload().toString());
        } catch (ParseException | FetchException e) {
            result.check("well-formed JWS", false, "not a compact JWS with a JSON payload");
            return result.build("ob20-signed");
        }
        result.check("well-formed JWS", true, "alg " + jws.getHeader().getAlgorithm());
        String creator = assertion.path("verification").path("creator").asText(null);
        JsonNode key = null;
        if (creator == null) {
            result.check("signature valid", false, "verification.creator names no key");
        } else {
            try {
                key = fetcher.json(creator, budget);
                result.check("signature valid", Signatures.verifiedBy(jws, key.path("publicKeyPem").asText(null)),
                        "verified with " + creator);
            } catch (FetchException e) {
                result.check("signature valid", false, "key not loaded: " + e.getMessage());
            }
        }
        assertionChecks(assertion, recipient, key == null ? null : new SigningKey(creator, key), budget, result);
        return result.build("ob20-signed");
    }

    private record SigningKey(String url, JsonNode document) {
    }

    private void assertionChecks(JsonNode assertion, String recipient, SigningKey key, FetchBudget budget,
                                 VerificationResult.Builder result) {
        boolean hosted = key == null && !assertion.path("verification").path("type").asText("")
                .toLowerCase(java.util.Locale.ROOT).contains("signed");
        result.check("is an Assertion", hasType(assertion, "Assertion"), "type " + assertion.path("type"));
        Instant now = clock.instant();
        Instant issuedOn = DateTimes.parse(assertion.path("issuedOn").asText(null));
        result.check("issued in the past", issuedOn != null && !issuedOn.isAfter(now.plus(OwnAssertionVerifier.SKEW)),
                "issuedOn " + assertion.path("issuedOn").asText("missing"));
        Instant expires = DateTimes.parse(assertion.path("expires").asText(null));
        boolean expired = expires != null && !now.isBefore(expires);
        result.expired(expired);
        result.check("not expired", !expired, expires == null ? "does not expire" : "expires " + expires);
        if (recipient != null) {
            JsonNode r = assertion.path("recipient");
            boolean matches = RecipientIdentity.matches(r.path("identity").asText(null), r.path("hashed").asBoolean(false),
                    r.path("salt").asText(null), recipient);
            result.recipientMatches(matches);
            result.check("recipient matches", matches, matches ? "identity matches" : "identity does not match");
        }
        JsonNode badge = load(assertion.path("badge"), "badge class loaded", budget, result);
        JsonNode issuer = badge == null ? null : load(badge.path("issuer"), "issuer profile loaded", budget, result);
        if (issuer == null) {
            return;
        }
        if (key != null) {
            String issuerId = issuer.path("id").asText();
            boolean itself = key.url().equals(key.document().path("id").asText());
            boolean published = references(issuer.path("publicKey"), key.url());
            boolean owned = issuerId.equals(key.document().path("owner").asText());
            result.check("key belongs to the issuer", itself && published && owned,
                    !itself ? "the key document at " + key.url() + " has the id " + key.document().path("id")
                            : !published ? "the issuer profile does not list " + key.url()
                            : owned ? "published by " + issuerId : "key owner is " + key.document().path("owner"));
        } else if (hosted) {
            hostedByTheIssuer(assertion.path("id").asText(""), issuer, result);
        }
        revocationCheck(assertion.path("id").asText(), issuer, budget, result);
    }

    private void revocationCheck(String assertionId, JsonNode issuer, FetchBudget budget,
                                 VerificationResult.Builder result) {
        String list = issuer.path("revocationList").asText(null);
        if (list == null) {
            result.check("not revoked", true, "the issuer publishes no revocation list");
            return;
        }
        try {
            JsonNode revocations = fetcher.json(list, budget);
            boolean revoked = references(revocations.path("revokedAssertions"), assertionId);
            result.revoked(revoked);
            result.check("not revoked", !revoked, revoked ? "listed in " + list : "not in " + list);
        } catch (FetchException e) {
            result.check("not revoked", false, "revocation list not loaded: " + e.getMessage());
        }
    }

    /**
     * OB 2.0 hosted verification: the assertion must be hosted where its issuer allows, by the issuer
     * profile's {@code verification.startsWith} (URL prefixes) or {@code allowedOrigins} (host names),
     * and by default on the issuer id's own origin. Otherwise anyone could host an assertion naming a
     * real issuer's badge class.
     */
    private static void hostedByTheIssuer(String assertionId, JsonNode issuer, VerificationResult.Builder result) {
        JsonNode policy = issuer.path("verification");
        List<String> prefixes = strings(policy.path("startsWith"));
        List<String> origins = strings(policy.path("allowedOrigins"));
        URI assertion = uri(assertionId);
        String host = assertion == null || assertion.getHost() == null ? "" : assertion.getHost();
        if (!prefixes.isEmpty() || !origins.isEmpty()) {
            boolean allowed = prefixes.stream().anyMatch(assertionId::startsWith)
                    || origins.stream().anyMatch(origin -> origin.equalsIgnoreCase(host)
                    || origin.equalsIgnoreCase(host + (assertion.getPort() < 0 ? "" : ":" + assertion.getPort())));
            result.check("hosted by the issuer", allowed, allowed ? "the issuer allows " + assertionId
                    : assertionId + " is outside what the issuer's verification policy allows " + policy);
            return;
        }
        String issuerOrigin = origin(uri(issuer.path("id").asText("")));
        boolean same = issuerOrigin != null && issuerOrigin.equals(origin(assertion));
        result.check("hosted by the issuer", same, same ? "hosted on the issuer's origin " + issuerOrigin
                : assertionId + " is not on the issuer's origin " + issuerOrigin);
    }

    private static List<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false).filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String origin(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** An embedded document, or the one its URL names, whose id must be that URL. */
    private JsonNode load(JsonNode reference, String check, FetchBudget budget, VerificationResult.Builder result) {
        if (reference.isObject()) {
            result.check(check, true, "embedded");
            return reference;
        }
        String url = reference.asText(null);
        if (url == null) {
            result.check(check, false, "missing");
            return null;
        }
        try {
            JsonNode document = fetcher.json(url, budget);
            if (!url.equals(document.path("id").asText())) {
                result.check(check, false, "the document at " + url + " has the id " + document.path("id"));
                return null;
            }
            result.check(check, true, url);
            return document;
        } catch (FetchException e) {
            result.check(check, false, e.getMessage());
            return null;
        }
    }

    /** Whether a node (a string, an object with id or uid, or an array of those) names {@code id}. */
    private static boolean references(JsonNode node, String id) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).anyMatch(item -> references(item, id));
        }
        if (node.isObject()) {
            return id.equals(node.path("id").asText(null)) || id.equals(node.path("uid").asText(null));
        }
        return id.equals(node.asText(null));
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode types = node.path("type");
        return types.isArray()
                ? StreamSupport.stream(types.spliterator(), false).anyMatch(t -> type.equals(t.asText()))
                : type.equals(types.asText());
    }
}
