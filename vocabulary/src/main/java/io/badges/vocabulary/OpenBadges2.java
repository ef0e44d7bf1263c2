package io.badges.vocabulary;

import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Open Badges 2.0 documents we publish (Assertion, BadgeClass, Issuer Profile, CryptographicKey,
 * RevocationList), as JSON-ready maps whose key order is stable, so the same facts always give the
 * same bytes: the command side signs these bytes, the query side serves them.
 */
public final class OpenBadges2 {

    public static final String CONTEXT = "https://w3id.org/openbadges/v2";

    private final PublicUrls urls;

    public OpenBadges2(PublicUrls urls) {
        this.urls = urls;
    }

    public PublicUrls urls() {
        return urls;
    }

    /** What an award says, whichever side builds its document. */
    public record Award(String id, Recipient recipient, String badgeClassId, Instant issuedOn, Instant expires,
                        List<Evidence> evidence, String narrative) {
    }

    public record BadgeClass(String id, String issuerId, String name, String description, String image,
                             Criteria criteria, List<String> tags) {
    }

    public record Issuer(String id, String name, String url, String email, String description, String image,
                         List<String> keyIds) {
    }

    /** A revoked assertion of an issuer: its id and the reason ("" when none was given). */
    public record Revoked(String assertionId, String reason) {
    }

    /** A hosted assertion: verifiers fetch it from its id. */
    public Map<String, Object> hostedAssertion(Award award) {
        return assertion(award, Map.of("type", "hosted"));
    }

    /** The payload of a signed assertion: {@code verification.creator} names the key under our base URL. */
    public Map<String, Object> signedAssertion(Award award, String keyId) {
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("type", "signed");
        verification.put("creator", urls.key(keyId));
        return assertion(award, verification);
    }

    private Map<String, Object> assertion(Award award, Map<String, Object> verification) {
        Map<String, Object> doc = header("Assertion", urls.assertion(award.id()));
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("type", award.recipient().type());
        recipient.put("hashed", award.recipient().hashed());
        if (award.recipient().salt() != null) {
            recipient.put("salt", award.recipient().salt());
        }
        recipient.put("identity", award.recipient().identity());
        doc.put("recipient", recipient);
        doc.put("badge", urls.badge(award.badgeClassId()));
        doc.put("issuedOn", award.issuedOn().toString());
        if (award.expires() != null) {
            doc.put("expires", award.expires().toString());
        }
        if (!award.evidence().isEmpty()) {
            doc.put("evidence", award.evidence().stream().map(OpenBadges2::evidence).toList());
        }
        if (award.narrative() != null) {
            doc.put("narrative", award.narrative());
        }
        doc.put("verification", verification);
        return doc;
    }

    /** What a revoked hosted assertion answers (with 410 Gone) in place of the assertion. */
    public Map<String, Object> revokedAssertion(String assertionId, String reason) {
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("id", urls.assertion(assertionId));
        gone.put("revoked", true);
        gone.put("revocationReason", reason == null ? "" : reason);
        return gone;
    }

    public Map<String, Object> badgeClass(BadgeClass badge) {
        Map<String, Object> doc = header("BadgeClass", urls.badge(badge.id()));
        doc.put("name", badge.name());
        doc.put("description", badge.description());
        putIfPresent(doc, "image", badge.image());
        Map<String, Object> criteria = new LinkedHashMap<>();
        putIfPresent(criteria, "id", badge.criteria().url());
        putIfPresent(criteria, "narrative", badge.criteria().narrative());
        doc.put("criteria", criteria);
        doc.put("issuer", urls.issuer(badge.issuerId()));
        if (!badge.tags().isEmpty()) {
            doc.put("tags", badge.tags());
        }
        return doc;
    }

    /** The Issuer Profile; with keys, its {@code publicKey} list and {@code revocationList}. */
    public Map<String, Object> issuer(Issuer issuer) {
        Map<String, Object> doc = header("Issuer", urls.issuer(issuer.id()));
        doc.put("name", issuer.name());
        doc.put("url", issuer.url());
        doc.put("email", issuer.email());
        putIfPresent(doc, "description", issuer.description());
        putIfPresent(doc, "image", issuer.image());
        if (!issuer.keyIds().isEmpty()) {
            doc.put("publicKey", issuer.keyIds().stream().map(urls::key).toList());
            doc.put("revocationList", urls.revocations(issuer.id()));
        }
        return doc;
    }

    public Map<String, Object> cryptographicKey(String keyId, String issuerId, String publicKeyPem) {
        Map<String, Object> doc = header("CryptographicKey", urls.key(keyId));
        doc.put("owner", urls.issuer(issuerId));
        doc.put("publicKeyPem", publicKeyPem);
        return doc;
    }

    public Map<String, Object> revocationList(String issuerId, List<Revoked> revoked) {
        Map<String, Object> doc = header("RevocationList", urls.revocations(issuerId));
        doc.put("issuer", urls.issuer(issuerId));
        doc.put("revokedAssertions", revoked.stream().map(r -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", urls.assertion(r.assertionId()));
            entry.put("revocationReason", r.reason());
            return entry;
        }).toList());
        return doc;
    }

    private static Map<String, Object> header(String type, String id) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("type", type);
        doc.put("id", id);
        return doc;
    }

    private static Map<String, String> evidence(Evidence e) {
        Map<String, String> item = new LinkedHashMap<>();
        putIfPresent(item, "id", e.url());
        putIfPresent(item, "narrative", e.narrative());
        return item;
    }

    private static <V> void putIfPresent(Map<String, V> doc, String name, V value) {
        if (value != null) {
            doc.put(name, value);
        }
    }
}
