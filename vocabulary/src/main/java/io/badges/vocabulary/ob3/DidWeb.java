package io.badges.vocabulary.ob3;

import io.badges.vocabulary.PublicUrls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code did:web} identifiers (W3C CCG "did:web Method Specification"): the host, a port as
 * {@code %3A<port>}, then the path segments separated by {@code :}. An issuer's DID is the one of its
 * profile URL, {@code did:web:<host>[%3A<port>][:<base path>]:public:issuers:<id>}, and it resolves to
 * {@code https://<host>[:<port>][/<base path>]/public/issuers/<id>/did.json}, which is
 * {@link PublicUrls#issuerDid(String)}.
 *
 * <p>did:web resolves over https only: with an http base URL (local development) the identifier is
 * built the same way but no verifier can resolve it.
 */
public final class DidWeb {

    private static final String PREFIX = "did:web:";

    private DidWeb() {
    }

    /** The did:web of an issuer under this public base URL. */
    public static String issuer(PublicUrls urls, String issuerId) {
        return of(urls.issuer(issuerId));
    }

    /**
     * The did:web whose DID document lives at {@code url} + {@code /did.json}.
     *
     * @throws IllegalArgumentException when the URL is not absolute or has a query or fragment
     */
    public static String of(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a did:web needs an absolute URL without query or fragment: " + url);
        }
        StringBuilder did = new StringBuilder(PREFIX).append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1) {
            did.append("%3A").append(uri.getPort());
        }
        for (String segment : segments(uri.getRawPath())) {
            did.append(':').append(segment.replace(":", "%3A"));
        }
        return did.toString();
    }

    /**
     * The https URL of the DID document a did:web names (section 3.2, "Read (Resolve)"): with a path,
     * {@code <path>/did.json}; without, {@code /.well-known/did.json}.
     *
     * @throws IllegalArgumentException when it is not a did:web
     */
    public static String documentUrl(String did) {
        if (did == null || !did.startsWith(PREFIX) || did.length() == PREFIX.length()) {
            throw new IllegalArgumentException("not a did:web: " + did);
        }
        String identifier = did.substring(PREFIX.length());
        int fragment = identifier.indexOf('#');
        if (fragment >= 0) {
            identifier = identifier.substring(0, fragment);
        }
        String[] parts = identifier.split(":", -1);
        StringBuilder url = new StringBuilder("https://").append(parts[0].replace("%3A", ":").replace("%3a", ":"));
        if (parts.length == 1) {
            return url.append("/.well-known/did.json").toString();
        }
        for (int i = 1; i < parts.length; i++) {
            url.append('/').append(parts[i]);
        }
        return url.append("/did.json").toString();
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        }
        return segments;
    }
}
