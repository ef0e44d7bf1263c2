package io.badges.vocabulary.ob3;

import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import io.badges.vocabulary.PublicUrls;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Open Badges 3.0 documents we publish, as JSON-ready maps in a stable key order (like
 * {@link io.badges.vocabulary.OpenBadges2}): the unsigned OpenBadgeCredential, the issuer's DID
 * document and the unsigned BitstringStatusListCredential. The credentials module signs them.
 *
 * <p>Identifiers: the credential is {@code <base>/public/credentials/<id>}; the issuer is its
 * {@code did:web} ({@link DidWeb}), whose DID document lists the keys that sign for it, so a verifier
 * can tie a proof's {@code verificationMethod} to the credential's issuer; the achievement is the
 * badge class URL. Times are kept to the second, as the NumericDate claims of a VC-JWT are.
 */
public final class OpenBadges3 {

    public static final String CREDENTIALS_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
    public static final String JWK_CONTEXT = "https://w3id.org/security/jwk/v1";
    public static final String REVOCATION = "revocation";

    private final PublicUrls urls;

    public OpenBadges3(PublicUrls urls) {
        this.urls = urls;
    }

    public PublicUrls urls() {
        return urls;
    }

    /** The issuing organisation: our issuer id, its name, homepage and (optional) contact address. */
    public record Issuer(String id, String name, String url, String email) {
    }

    /** The badge class as an Achievement; {@code image} is an https or data: URL, or null. */
    public record Achievement(String badgeClassId, String name, String description, Criteria criteria, String image) {
    }

    /**
     * One award: the credential id, its recipient (hashed as in OB 2.0), when it starts and (null:
     * never) ends to be valid, and its place in the issuer's revocation list.
     */
    public record Award(String id, Recipient recipient, Instant validFrom, Instant validUntil, StatusEntry status) {
    }

    /** A credential's index in one of its issuer's status lists. */
    public record StatusEntry(String listId, int index) {
        public StatusEntry {
            if (index < 0) {
                throw new IllegalArgumentException("a status list index is not negative");
            }
        }
    }

    /**
     * A key in an issuer's DID document: a Multikey ({@code publicKeyMultibase}, the Ed25519 keys of
     * Data Integrity proofs) or a JsonWebKey ({@code publicKeyJwk}, the P-256 / RSA keys of VC-JWTs).
     */
    public record VerificationKey(String fragment, String publicKeyMultibase, Map<String, Object> publicKeyJwk) {

        public static VerificationKey multikey(String fragment, String publicKeyMultibase) {
            return new VerificationKey(fragment, publicKeyMultibase, null);
        }

        public static VerificationKey jsonWebKey(String fragment, Map<String, Object> publicJwk) {
            return new VerificationKey(fragment, null, Map.copyOf(publicJwk));
        }
    }

    /** The issuer's {@code did:web}: the credential's {@code issuer.id} and its keys' controller. */
    public String issuerDid(String issuerId) {
        return DidWeb.issuer(urls, issuerId);
    }

    /** The {@code verificationMethod} of a proof made with one of the issuer's keys: {@code <did>#<fragment>}. */
    public String verificationMethod(String issuerId, String keyFragment) {
        return issuerDid(issuerId) + "#" + keyFragment;
    }

    /** The unsigned OpenBadgeCredential of an award (OB 3.0 section B.1.1 "AchievementCredential"). */
    public Map<String, Object> credential(Issuer issuer, Achievement achievement, Award award) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of(CREDENTIALS_CONTEXT, CONTEXT));
        doc.put("id", urls.credential(award.id()));
        doc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        doc.put("issuer", profile(issuer));
        doc.put("validFrom", time(award.validFrom()));
        if (award.validUntil() != null) {
            doc.put("validUntil", time(award.validUntil()));
        }
        doc.put("name", achievement.name());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(identity(award.recipient())));
        subject.put("achievement", achievement(achievement));
        doc.put("credentialSubject", subject);
        if (award.status() != null) {
            doc.put("credentialStatus", statusEntry(issuer.id(), award.status()));
        }
        return doc;
    }

    /** The DID document the issuer's did:web resolves to; each key may make assertions (sign credentials). */
    public Map<String, Object> didDocument(String issuerId, List<VerificationKey> keys) {
        String did = issuerDid(issuerId);
        Map<String, Object> doc = new LinkedHashMap<>();
        boolean jwks = keys.stream().anyMatch(k -> k.publicKeyJwk() != null);
        doc.put("@context", jwks ? List.of(DID_CONTEXT, MULTIKEY_CONTEXT, JWK_CONTEXT) : List.of(DID_CONTEXT, MULTIKEY_CONTEXT));
        doc.put("id", did);
        doc.put("verificationMethod", keys.stream().map(key -> {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("id", did + "#" + key.fragment());
            method.put("type", key.publicKeyJwk() != null ? "JsonWebKey" : "Multikey");
            method.put("controller", did);
            if (key.publicKeyJwk() != null) {
                method.put("publicKeyJwk", key.publicKeyJwk());
            } else {
                method.put("publicKeyMultibase", key.publicKeyMultibase());
            }
            return method;
        }).toList());
        doc.put("assertionMethod", keys.stream().map(key -> did + "#" + key.fragment()).toList());
        return doc;
    }

    /**
     * The unsigned BitstringStatusListCredential (W3C Bitstring Status List v1.0, section 2.2) of one of
     * an issuer's revocation lists; {@code validUntil} may be null.
     */
    public Map<String, Object> statusListCredential(String issuerId, String listId, String encodedList,
                                                    Instant validFrom, Instant validUntil) {
        String id = urls.statusList(issuerId, listId);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of(CREDENTIALS_CONTEXT));
        doc.put("id", id);
        doc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        doc.put("issuer", issuerDid(issuerId));
        doc.put("validFrom", time(validFrom));
        if (validUntil != null) {
            doc.put("validUntil", time(validUntil));
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", id + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", REVOCATION);
        subject.put("encodedList", encodedList);
        doc.put("credentialSubject", subject);
        return doc;
    }

    /** A credential's {@code credentialStatus}: a BitstringStatusListEntry, its index as a string. */
    public Map<String, Object> statusEntry(String issuerId, StatusEntry entry) {
        String list = urls.statusList(issuerId, entry.listId());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", list + "#" + entry.index());
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", REVOCATION);
        status.put("statusListIndex", Integer.toString(entry.index()));
        status.put("statusListCredential", list);
        return status;
    }

    private Map<String, Object> profile(Issuer issuer) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", issuerDid(issuer.id()));
        profile.put("type", List.of("Profile"));
        profile.put("name", issuer.name());
        putIfPresent(profile, "url", issuer.url());
        putIfPresent(profile, "email", issuer.email());
        return profile;
    }

    /** OB 3.0 IdentityObject: the OB 2.0 recipient, {@code email} called {@code emailAddress}. */
    private static Map<String, Object> identity(Recipient recipient) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", recipient.identity());
        identity.put("identityType", "email".equals(recipient.type()) ? "emailAddress" : "ext:" + recipient.type());
        identity.put("hashed", recipient.hashed());
        putIfPresent(identity, "salt", recipient.salt());
        return identity;
    }

    private Map<String, Object> achievement(Achievement achievement) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", urls.badge(achievement.badgeClassId()));
        doc.put("type", List.of("Achievement"));
        doc.put("name", achievement.name());
        doc.put("description", achievement.description());
        Map<String, Object> criteria = new LinkedHashMap<>();
        if (achievement.criteria() != null) {
            putIfPresent(criteria, "id", achievement.criteria().url());
            putIfPresent(criteria, "narrative", achievement.criteria().narrative());
        }
        doc.put("criteria", criteria);
        if (achievement.image() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("id", achievement.image());
            image.put("type", "Image");
            doc.put("image", image);
        }
        return doc;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static <V> void putIfPresent(Map<String, V> doc, String name, V value) {
        if (value != null) {
            doc.put(name, value);
        }
    }
}
