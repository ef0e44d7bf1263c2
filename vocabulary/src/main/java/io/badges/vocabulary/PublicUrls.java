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

    private String expand(String template, String id) {
        return base + template.replace("{id}", id);
    }
}
