package io.badges.query.verification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.credentials.IssuerKeys;
import io.badges.credentials.Multikey;
import io.badges.credentials.VerificationMethodResolver;
import io.badges.vocabulary.ob3.DidWeb;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the verification methods of one verification and remembers what it found, who controls
 * each key, and why a lookup failed (for the check's detail):
 * <ul>
 *   <li>{@code did:key}: the key is the identifier, controlled by that DID;
 *   <li>{@code did:web}: the DID document loaded through the fetcher (within the verification's budget),
 *       whose id must be the DID; a {@code Multikey} {@code publicKeyMultibase} or a {@code publicKeyJwk}
 *       method, controlled by its {@code controller} (the DID when absent);
 *   <li>any other URL with a Multikey in its fragment (as 1EdTech's vectors do): the signature can be
 *       checked, but nothing ties the key to anyone, so its controller is unknown.
 * </ul>
 */
final class VerificationKeys implements VerificationMethodResolver {

    /** A public key and who controls it (null: nobody proven), with a note on where it came from. */
    record Found(PublicKey key, String controller, String note) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentFetcher fetcher;
    private final FetchBudget budget;
    private final Map<String, Found> found = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();

    VerificationKeys(DocumentFetcher fetcher, FetchBudget budget) {
        this.fetcher = fetcher;
        this.budget = budget;
    }

    /**
     * Whether a key controlled by {@code controller} speaks for {@code issuer}: the same id, or the
     * did:web of an https issuer id.
     */
    static boolean controls(String controller, String issuer) {
        if (controller == null || issuer == null) {
            return false;
        }
        if (controller.equals(issuer)) {
            return true;
        }
        if (issuer.startsWith("https://")) {
            try {
                return controller.equals(DidWeb.of(issuer));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public Optional<PublicKey> resolve(String url) {
        return Optional.ofNullable(lookup(url)).map(Found::key);
    }

    /** What an earlier lookup found for {@code url}, or null. */
    Found found(String url) {
        return url == null ? null : found.get(url);
    }

    /** Why looking {@code url} up failed, as " (reason)", or "" when it did not. */
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
        JsonNode document = fetcher.json(DidWeb.documentUrl(did), budget);
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
                key = IssuerKeys.fromJwk(JSON.convertValue(method.get("publicKeyJwk"),
                        new TypeReference<Map<String, Object>>() { }));
            } else {
                throw new FetchException(url + " has neither publicKeyMultibase nor publicKeyJwk");
            }
            return new Found(key, controller, "DID document " + did);
        }
        throw new FetchException("the DID document of " + did + " lists no method " + url);
    }
}
