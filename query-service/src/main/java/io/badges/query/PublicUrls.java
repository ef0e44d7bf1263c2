package io.badges.query;

import io.badges.query.config.QueryProperties;
import org.springframework.stereotype.Component;

/** The ids of our public OB 2.0 documents: their own URLs under BADGES_PUBLIC_BASE_URL. */
@Component
public class PublicUrls {

    private final String base;

    public PublicUrls(QueryProperties properties) {
        String configured = properties.publicBaseUrl();
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    public String base() {
        return base;
    }

    public String issuer(String id) {
        return base + "/public/issuers/" + id;
    }

    public String badge(String id) {
        return base + "/public/badges/" + id;
    }

    public String assertion(String id) {
        return base + "/public/assertions/" + id;
    }

    public String key(String id) {
        return base + "/public/keys/" + id;
    }

    public String revocations(String issuerId) {
        return base + "/public/issuers/" + issuerId + "/revocations";
    }
}
