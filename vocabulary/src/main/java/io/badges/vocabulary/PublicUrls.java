package io.badges.vocabulary;

/**
 * The layout of our public Open Badges documents. Each document's {@code id} is its own URL: the
 * public base URL ({@code BADGES_PUBLIC_BASE_URL}) followed by one of these paths. The path templates
 * are what the query service maps; the methods build the URLs that the documents carry.
 */
public final class PublicUrls {

    public static final String ALL = "/public/**";
    public static final String ISSUER = "/public/issuers/{id}";
    public static final String ISSUER_REVOCATIONS = "/public/issuers/{id}/revocations";
    public static final String BADGE = "/public/badges/{id}";
    public static final String BADGE_IMAGE = "/public/badges/{id}/image";
    public static final String ASSERTION = "/public/assertions/{id}";
    public static final String ASSERTION_JWS = "/public/assertions/{id}.jws";
    public static final String ASSERTION_IMAGE = "/public/assertions/{id}/image";
    public static final String KEY = "/public/keys/{id}";
    public static final String CREDENTIAL = "/public/credentials/{id}";
    public static final String CREDENTIAL_JWT = "/public/credentials/{id}.jwt";
    public static final String ISSUER_DID = "/public/issuers/{id}/did.json";
    public static final String ISSUER_STATUS_LIST = "/public/issuers/{id}/status/{listId}";

    private final String base;

    /** {@code base} without a trailing slash is used as it is; an empty base gives paths. */
    public PublicUrls(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String base() {
        return base;
    }

    public String issuer(String id) {
        return expand(ISSUER, id);
    }

    public String badge(String id) {
        return expand(BADGE, id);
    }

    public String badgeImage(String id) {
        return expand(BADGE_IMAGE, id);
    }

    public String assertionImage(String id) {
        return expand(ASSERTION_IMAGE, id);
    }

    public String assertion(String id) {
        return expand(ASSERTION, id);
    }

    public String key(String id) {
        return expand(KEY, id);
    }

    public String revocations(String issuerId) {
        return expand(ISSUER_REVOCATIONS, issuerId);
    }

    /** An OB 3.0 OpenBadgeCredential with its embedded proof. */
    public String credential(String id) {
        return expand(CREDENTIAL, id);
    }

    /** The same OB 3.0 credential as a VC-JWT. */
    public String credentialJwt(String id) {
        return expand(CREDENTIAL_JWT, id);
    }

    /** The DID document of an issuer: where its {@code did:web} resolves. */
    public String issuerDid(String issuerId) {
        return expand(ISSUER_DID, issuerId);
    }

    /** One of an issuer's BitstringStatusListCredentials: the {@code statusListCredential} of its entries. */
    public String statusList(String issuerId, String listId) {
        return expand(ISSUER_STATUS_LIST, issuerId).replace("{listId}", listId);
    }

    private String expand(String template, String id) {
        return base + template.replace("{id}", id);
    }
}
