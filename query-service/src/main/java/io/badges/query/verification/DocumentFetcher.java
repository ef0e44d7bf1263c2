package io.badges.query.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.badges.query.config.QueryProperties;
import io.badges.vocabulary.PublicUrls;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the documents a presented credential names (assertions, badge classes, issuer profiles,
 * keys, revocation lists) without becoming an SSRF tool:
 * <ul>
 *   <li>the URL map is consulted first (prefix to {@code file:} directory or http base, set by the operator);
 *   <li>our own public base URL is answered by this very service over loopback, never cached;
 *   <li>anything else must be http(s) to a public address ({@link PublicAddresses}, unless
 *       {@code allow-private-networks}), checked again after every redirect (at most N); the connection
 *       goes to the address that was checked ({@link PinnedHttp}), at most N at a time per instance;
 *   <li>bounded in time (connect and total) and size per document, and per verification by a
 *       {@link FetchBudget} (documents, bytes, wall time);
 *   <li>issuer documents (OB 2.0 profiles, badge classes, keys; DID documents) are cached for the
 *       configured TTL or less when their {@code Cache-Control} says so; status lists only within their
 *       own {@code Cache-Control: max-age} or {@code ttl}; the cache is bounded in bytes.
 * </ul>
 */
@Component
public class DocumentFetcher {

    /**
     * A loaded document: its HTTP status, body and how long its {@code Cache-Control} lets it be kept
     * (null: the server said nothing; zero: no-store, no-cache or max-age=0).
     */
    public record Fetched(int status, String body, Duration maxAge) {

        public Fetched(int status, String body) {
            this(status, body, null);
        }
    }

    private static final Set<String> ISSUER_TYPES = Set.of("Issuer", "Profile", "BadgeClass", "CryptographicKey");
    private static final Set<String> STATUS_LIST_TYPES =
            Set.of("BitstringStatusListCredential", "StatusList2021Credential");
    private static final Pattern MAX_AGE = Pattern.compile("max-age=\\s*(\\d+)");

    private final QueryProperties.Verifier settings;
    private final String selfPrefix;
    private final PinnedHttp http;
    private final ObjectMapper json;
    private final Cache<String, Kept> cache;
    /** Network fetches in flight on this instance, so strangers' verifications cannot take every thread. */
    private final Semaphore inFlight;
    private volatile String selfTarget;

    DocumentFetcher(QueryProperties properties, PublicUrls urls, ObjectMapper json) {
        this.settings = properties.verifier();
        this.selfPrefix = urls.base() + "/";
        this.json = json;
        this.http = new PinnedHttp(settings.connectTimeout(), settings.maxDocumentBytes(),
                settings.allowPrivateNetworks(), settings.maxConcurrentFetches(), InetAddress::getAllByName);
        this.inFlight = new Semaphore(settings.maxConcurrentFetches());
        this.cache = Caffeine.newBuilder()
                .maximumWeight(settings.cacheMaxBytes())
                .weigher((String url, Kept kept) -> url.length() + kept.fetched().body().length())
                .expireAfter(Expiry.creating((String url, Kept kept) -> kept.ttl()))
                .build();
    }

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        selfTarget = "http://127.0.0.1:" + event.getWebServer().getPort() + "/";
    }

    /** How long issuer documents are kept at most: what is derived from them is kept no longer. */
    Duration cacheTtl() {
        return settings.cacheTtl();
    }

    /** A new budget for one verification, from the configured limits. */
    public FetchBudget budget() {
        return new FetchBudget(settings.maxDocumentsPerVerification(), settings.maxBytesPerVerification(),
                settings.maxTimePerVerification());
    }

    /** The JSON document at {@code url}, which must answer 200, within a budget of its own. */
    public JsonNode json(String url) throws FetchException {
        return json(url, budget());
    }

    /** The JSON document at {@code url}, which must answer 200. */
    public JsonNode json(String url, FetchBudget budget) throws FetchException {
        Fetched fetched = fetch(url, budget);
        if (fetched.status() != 200) {
            throw new FetchException(url + " answered " + fetched.status());
        }
        return parse(url, fetched.body());
    }

    JsonNode parse(String url, String body) throws FetchException {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new FetchException(url + " is not JSON");
        }
    }

    /** The document at {@code url}, within a budget of its own. */
    public Fetched fetch(String url) throws FetchException {
        return fetch(url, budget());
    }

    /** The document at {@code url}: from the cache, else loaded and charged to {@code budget}. */
    public Fetched fetch(String url, FetchBudget budget) throws FetchException {
        Kept kept = cache.getIfPresent(url);
        if (kept != null) {
            return kept.fetched();
        }
        Fetched fetched = load(url, budget);
        budget.spendBytes(url, fetched.body().length());
        if (fetched.status() == 200 && !url.startsWith(selfPrefix)) {
            Duration ttl = keepFor(fetched);
            if (!ttl.isZero() && !ttl.isNegative()) {
                cache.put(url, new Kept(fetched, ttl));
            }
        }
        return fetched;
    }

    private Fetched load(String url, FetchBudget budget) throws FetchException {
        Optional<Map.Entry<String, String>> mapped = mapping(url);
        if (mapped.isPresent()) {
            String target = mapped.get().getValue() + url.substring(mapped.get().getKey().length());
            return target.startsWith("file:") ? readFile(target, budget) : get(uri(target), true, budget);
        }
        return get(uri(url), false, budget);
    }

    private Optional<Map.Entry<String, String>> mapping(String url) {
        String self = selfTarget;
        List<Map.Entry<String, String>> entries = new java.util.ArrayList<>(settings.urlMap().entrySet());
        if (self != null) {
            entries.add(Map.entry(selfPrefix, self));
        }
        return entries.stream()
                .filter(e -> underPrefix(url, e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()));
    }

    /**
     * Whether {@code url} is under a URL-map prefix: a prefix ends at a path boundary, so
     * {@code https://a.example} matches {@code https://a.example/x} but not {@code https://a.example.evil.org/}.
     */
    static boolean underPrefix(String url, String prefix) {
        if (!url.startsWith(prefix)) {
            return false;
        }
        if (prefix.endsWith("/") || url.length() == prefix.length()) {
            return true;
        }
        char next = url.charAt(prefix.length());
        return next == '/' || next == '?' || next == '#';
    }

    private Fetched readFile(String target, FetchBudget budget) throws FetchException {
        Path path;
        try {
            path = Path.of(new URI(target));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("bad file mapping " + target);
        }
        try {
            budget.spendDocument(target);
            if (!Files.isRegularFile(path)) {
                return new Fetched(404, "");
            }
            if (Files.size(path) > settings.maxDocumentBytes()) {
                throw new FetchException("document larger than " + settings.maxDocumentBytes() + " bytes");
            }
            return new Fetched(200, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FetchException("cannot read " + path.getFileName());
        }
    }

    private Fetched get(URI uri, boolean trusted, FetchBudget budget) throws FetchException {
        URI current = uri;
        for (int redirect = 0; ; redirect++) {
            budget.spendDocument(current.toString());
            if (!trusted) {
                requirePublicHttp(current);
            }
            PinnedHttp.Answer response = send(current, trusted, budget);
            int status = response.status();
            if (status >= 300 && status < 400 && response.location() != null) {
                if (redirect >= settings.maxRedirects()) {
                    throw new FetchException("too many redirects");
                }
                current = redirectTarget(current, response.location());
                trusted = false;
                continue;
            }
            return new Fetched(status, new String(response.body(), StandardCharsets.UTF_8), maxAge(response.cacheControl()));
        }
    }

    private static URI redirectTarget(URI from, String location) throws FetchException {
        try {
            return from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(from.getHost() + " redirected to a malformed Location");
        }
    }

    private PinnedHttp.Answer send(URI uri, boolean trusted, FetchBudget budget) throws FetchException {
        Duration timeout = budget.remaining().compareTo(settings.timeout()) < 0 ? budget.remaining() : settings.timeout();
        if (timeout.isZero()) {
            throw new FetchException("not loaded: " + uri + ": the verification ran out of time");
        }
        long started = System.nanoTime();
        try {
            if (!inFlight.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FetchException("not loaded: " + uri + ": " + settings.maxConcurrentFetches()
                        + " documents are being loaded already; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        }
        try {
            Duration left = timeout.minusNanos(System.nanoTime() - started);
            return http.get(uri, trusted, left.toMillis() < 1 ? Duration.ofMillis(1) : left);
        } finally {
            inFlight.release();
        }
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    private void requirePublicHttp(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("only http and https documents are loaded, not " + scheme + ":");
        }
        if (uri.getHost() == null) {
            throw new FetchException("no host in " + uri);
        }
        // A name is resolved and checked by PinnedHttp's resolver, once, and the connection goes to what
        // it answered; an address literal is checked here, without any lookup.
        if (!settings.allowPrivateNetworks() && isAddressLiteral(uri.getHost())) {
            InetAddress address;
            try {
                address = InetAddress.getByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw new FetchException("unknown host " + uri.getHost());
            }
            if (PublicAddresses.isPrivate(address)) {
                throw new FetchException(uri.getHost() + " is a loopback, link-local or private address");
            }
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.startsWith("[") || host.contains(":") || host.matches("[0-9.]+");
    }

    /**
     * How long a loaded document may be kept: issuer documents (OB 2.0 types, DID documents) for the
     * configured TTL, or less if their Cache-Control says so; status lists only as long as their own
     * {@code ttl} (milliseconds) or Cache-Control allows, bounded by the TTL; anything else not at all
     * (assertions, revocation lists: a revocation must show at once).
     */
    Duration keepFor(Fetched fetched) {
        JsonNode document;
        try {
            document = json.readTree(fetched.body());
        } catch (IOException e) {
            return Duration.ZERO;
        }
        if (document == null || !document.isObject()) {
            return Duration.ZERO;
        }
        Duration limit = settings.cacheTtl();
        if (hasType(document, STATUS_LIST_TYPES)) {
            Duration ttl = document.path("ttl").canConvertToLong() && document.path("ttl").asLong() >= 0
                    ? Duration.ofMillis(document.path("ttl").asLong()) : null;
            Duration allowed = min(ttl, fetched.maxAge());
            return allowed == null ? Duration.ZERO : min(allowed, limit);
        }
        boolean didDocument = document.path("id").asText("").startsWith("did:") && document.has("verificationMethod");
        if (didDocument || hasType(document, ISSUER_TYPES)) {
            return fetched.maxAge() == null ? limit : min(fetched.maxAge(), limit);
        }
        return Duration.ZERO;
    }

    private static boolean hasType(JsonNode document, Set<String> types) {
        JsonNode type = document.path("type");
        return types.contains(type.asText()) || (type.isArray()
                && java.util.stream.StreamSupport.stream(type.spliterator(), false)
                .anyMatch(t -> types.contains(t.asText())));
    }

    private static Duration min(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    /** What a Cache-Control header allows: zero for no-store / no-cache, max-age, else null (unsaid). */
    static Duration maxAge(String cacheControl) {
        if (cacheControl == null) {
            return null;
        }
        String value = cacheControl.toLowerCase(java.util.Locale.ROOT);
        if (value.contains("no-store") || value.contains("no-cache")) {
            return Duration.ZERO;
        }
        Matcher matcher = MAX_AGE.matcher(value);
        return matcher.find() ? Duration.ofSeconds(Long.parseLong(matcher.group(1))) : null;
    }

    /** A cached document and how long it may be kept. */
    private record Kept(Fetched fetched, Duration ttl) {
    }

    private static URI uri(String url) throws FetchException {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new FetchException("not a URL: " + url);
        }
    }
}
