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
 *   <li>an http(s) verification-method URL: the document there, loaded through the fetcher, is either a
 *       controller document listing the method (controlled by that document's id), or the method itself
 *       (a Multikey or JsonWebKey with a {@code controller}), which counts as controlled by its controller
 *       only once the controller document, loaded too, lists it;
 *   <li>failing that, a URL with a Multikey in its fragment (as 1EdTech's vectors do): the signature can
 *       be checked, but nothing ties the key to anyone, so its controller is unknown.
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
        String unreachable = null;
        if (url.startsWith("https://") || url.startsWith("http://")) {
            try {
                return methodUrl(url, did);
            } catch (FetchException e) {
                unreachable = e.getMessage();
            }
        }
        Optional<PublicKey> fragment = VerificationMethodResolver.multikeyFragment().resolve(url);
        if (fragment.isPresent()) {
            return new Found(fragment.get(), null, "the key was read from the fragment of " + did
                    + ", which anyone can write; no document tying it to the issuer could be loaded"
                    + (unreachable == null ? "" : " (" + unreachable + ")"));
        }
        problems.put(url, unreachable != null ? unreachable
                : "only did:web, did:key, http(s) verification methods and Multikey fragments are resolved");
        return null;
    }

    /**
     * An http(s) verification method: listed in the document at its URL (its controller document), or
     * that document is the method itself. Either way, a document speaks only for itself: its id must be
     * the URL it came from, and a controller other than that id must confirm the method by listing it
     * in its own document.
     */
    private Found methodUrl(String url, String documentUrl) throws FetchException {
        JsonNode document = fetcher.json(documentUrl, budget);
        if (!documentUrl.equals(document.path("id").asText())) {
            throw new FetchException(documentUrl + " has the id " + document.path("id") + ", not its own URL");
        }
        JsonNode listed = listedMethod(document, url);
        JsonNode method = listed != null ? listed : url.equals(documentUrl) ? document : null;
        if (method == null) {
            throw new FetchException(documentUrl + " does not list the method " + url);
        }
        String claimed = method.path("controller").asText(listed != null ? documentUrl : null);
        if (claimed == null) {
            throw new FetchException("the method " + url + " names no controller");
        }
        PublicKey key = publicKey(url, method);
        String controller = confirmedController(claimed, listed != null ? documentUrl : null, url);
        return controller != null ? new Found(key, controller, "verification method " + url + " of " + controller)
                : new Found(key, null, "the method " + url + " names the controller " + claimed
                        + ", whose own document does not list it");
    }

    /**
     * {@code claimed} when it is the document that listed the method, or its own document lists it too;
     * null when that cannot be shown (also when its document cannot be loaded).
     */
    private String confirmedController(String claimed, String listingDocument, String url) {
        if (claimed.equals(listingDocument)) {
            return claimed;
        }
        String documentUrl;
        if (claimed.startsWith("https://") || claimed.startsWith("http://")) {
            documentUrl = claimed;
        } else if (claimed.startsWith("did:web:")) {
            documentUrl = DidWeb.documentUrl(claimed);
        } else {
            return null;
        }
        JsonNode controllerDocument;
        try {
            controllerDocument = fetcher.json(documentUrl, budget);
        } catch (FetchException e) {
            return null;
        }
        boolean lists = (claimed.equals(controllerDocument.path("id").asText()))
                && (listedMethod(controllerDocument, url) != null
                || references(controllerDocument.path("assertionMethod"), url));
        return lists ? claimed : null;
    }

    private static JsonNode listedMethod(JsonNode document, String url) {
        List<JsonNode> methods = new ArrayList<>();
        document.path("verificationMethod").forEach(methods::add);
        document.path("assertionMethod").forEach(m -> {
            if (m.isObject()) {
                methods.add(m);
            }
        });
        String base = document.path("id").asText("");
        for (JsonNode method : methods) {
            String id = method.path("id").asText("");
            if (id.equals(url) || (id.startsWith("#") && (base + id).equals(url))) {
                return method;
            }
        }
        return null;
    }

    private static boolean references(JsonNode list, String url) {
        for (JsonNode item : list) {
            if (url.equals(item.isTextual() ? item.asText() : item.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static PublicKey publicKey(String url, JsonNode method) throws FetchException {
        if (method.hasNonNull("publicKeyMultibase")) {
            return Multikey.decodePublicKey(method.get("publicKeyMultibase").asText());
        }
        if (method.path("publicKeyJwk").isObject()) {
            return IssuerKeys.fromJwk(JSON.convertValue(method.get("publicKeyJwk"),
                    new TypeReference<Map<String, Object>>() { }));
        }
        throw new FetchException(url + " has neither publicKeyMultibase nor publicKeyJwk");
    }

    private Found didWeb(String url, String did) throws FetchException {
        JsonNode document = fetcher.json(DidWeb.documentUrl(did), budget);
        if (!did.equals(document.path("id").asText())) {
            throw new FetchException("the DID document of " + did + " has the id " + document.path("id"));
        }
        JsonNode method = listedMethod(document, url);
        if (method == null) {
            throw new FetchException("the DID document of " + did + " lists no method " + url);
        }
        // the document speaks for its own DID only: a method it says someone else controls proves nothing
        String claimed = method.path("controller").asText(did);
        PublicKey key = publicKey(url, method);
        String controller = claimed.equals(did) ? did : confirmedController(claimed, did, url);
        return controller != null ? new Found(key, controller, "DID document " + did)
                : new Found(key, null, "the DID document of " + did + " says " + claimed
                        + " controls " + url + ", and " + claimed + " does not list it");
    }
}
