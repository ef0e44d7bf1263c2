package io.badges.query.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.badges.query.config.QueryProperties;
import io.badges.vocabulary.PublicUrls;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *   <li>anything else must be http(s) to a public address (no loopback, link-local, private, multicast
 *       unless {@code allow-private-networks}), checked again after every redirect (at most N);
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
    private final HttpClient http;
    private final ObjectMapper json;
    private final Cache<String, Kept> cache;
    /** Network fetches in flight on this instance, so strangers' verifications cannot take every thread. */
    private final Semaphore inFlight;
    private volatile String selfTarget;

    DocumentFetcher(QueryProperties properties, PublicUrls urls, ObjectMapper json) {
        this.settings = properties.verifier();
        this.selfPrefix = urls.base() + "/";
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
            HttpResponse<byte[]> response = send(current, budget);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                if (redirect >= settings.maxRedirects()) {
                    throw new FetchException("too many redirects");
                }
                current = redirectTarget(current, response.headers().firstValue("Location").get());
                trusted = false;
                continue;
            }
            return new Fetched(status, new String(response.body(), StandardCharsets.UTF_8),
                    maxAge(response.headers().firstValue("Cache-Control").orElse(null)));
        }
    }

    private static URI redirectTarget(URI from, String location) throws FetchException {
        try {
            return from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(from.getHost() + " redirected to a malformed Location");
        }
    }

    private HttpResponse<byte[]> send(URI uri, FetchBudget budget) throws FetchException {
        Duration timeout = budget.remaining().compareTo(settings.timeout()) < 0 ? budget.remaining() : settings.timeout();
        if (timeout.isZero()) {
            throw new FetchException("not loaded: " + uri + ": the verification ran out of time");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/ld+json, application/json, text/plain")
                .GET().build();
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
        long left = timeout.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> new LimitedBody(settings.maxDocumentBytes()));
        try {
            return future.get(Math.max(1, left), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(uri.getHost() + " did not answer within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new FetchException("document larger than " + settings.maxDocumentBytes() + " bytes");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new FetchException(uri.getHost() + " did not answer within " + timeout);
            }
            throw new FetchException("cannot load " + uri + ": " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } finally {
            inFlight.release();
        }
    }

    private void requirePublicHttp(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("only http and https documents are loaded, not " + scheme + ":");
        }
        if (uri.getHost() == null) {
            throw new FetchException("no host in " + uri);
        }
        if (settings.allowPrivateNetworks()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new FetchException(uri.getHost() + " is a loopback, link-local or private address");
            }
        }
    }

    /**
     * Whether an address is anything but a public unicast one: loopback, link-local (cloud metadata),
     * private, shared (CGNAT), multicast, unspecified, documentation, benchmarking, reserved (240/4 and
     * broadcast), the IETF protocol block (192.0.0.0/24), IPv6 unique-local and documentation, and IPv4
     * addresses carried inside IPv6 (IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
     * {@code 2002::/16}), judged by the IPv4 address they carry. (IPv4-mapped {@code ::ffff:a.b.c.d} is
     * already an IPv4 address to Java.)
     */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return isPrivate6(bytes);
        }
        return isPrivate4(bytes[0] & 0xff, bytes[1] & 0xff, bytes[2] & 0xff);
    }

    private static boolean isPrivate4(int first, int second, int third) {
        return first == 0                                           // 0.0.0.0/8 "this network"
                || first == 10 || first == 127                      // private, loopback
                || (first == 169 && second == 254)                  // link-local, cloud metadata
                || (first == 172 && second >= 16 && second < 32)    // private
                || (first == 192 && second == 168)                  // private
                || (first == 100 && second >= 64 && second < 128)   // 100.64.0.0/10 carrier-grade NAT
                || (first == 192 && second == 0 && third == 0)      // 192.0.0.0/24 IETF protocol assignments
                || (first == 192 && second == 0 && third == 2)      // 192.0.2.0/24 TEST-NET-1
                || (first == 198 && second == 51 && third == 100)   // TEST-NET-2
                || (first == 203 && second == 0 && third == 113)    // TEST-NET-3
                || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                || first >= 224;                                    // multicast, 240.0.0.0/4 reserved, broadcast
    }

    private static boolean isPrivate6(byte[] bytes) {
        if ((bytes[0] & 0xfe) == 0xfc) {                            // fc00::/7 unique local
            return true;
        }
        if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d
                && (bytes[3] & 0xff) == 0xb8) {                     // 2001:db8::/32 documentation
            return true;
        }
        if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) { // 2002::/16 6to4: the IPv4 in bytes 2-5
            return isPrivate4(bytes[2] & 0xff, bytes[3] & 0xff, bytes[4] & 0xff);
        }
        boolean compatible = allZero(bytes, 0, 12);                 // ::a.b.c.d (deprecated IPv4-compatible)
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && allZero(bytes, 4, 12); // 64:ff9b::/96
        if (compatible || nat64) {
            return isPrivate4(bytes[12] & 0xff, bytes[13] & 0xff, bytes[14] & 0xff);
        }
        return false;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
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

    private static final class TooLarge extends IOException {
    }

    /** Collects a body up to a limit; past it, cancels the download and fails. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (bytes.size() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
