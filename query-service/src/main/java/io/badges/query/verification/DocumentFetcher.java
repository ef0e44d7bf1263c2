package io.badges.query.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *   <li>bounded in time (connect and total) and size; profiles, badge classes and keys are cached for a TTL.
 * </ul>
 */
@Component
public class DocumentFetcher {

    /** A loaded document: its HTTP status and body. */
    public record Fetched(int status, String body) {
    }

    private static final Set<String> CACHEABLE_TYPES = Set.of("Issuer", "Profile", "BadgeClass", "CryptographicKey");

    private final QueryProperties.Verifier settings;
    private final String selfPrefix;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Cache<String, Fetched> cache;
    private volatile String selfTarget;

    DocumentFetcher(QueryProperties properties, PublicUrls urls, ObjectMapper json) {
        this.settings = properties.verifier();
        this.selfPrefix = urls.base() + "/";
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(10_000).build();
    }

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        selfTarget = "http://127.0.0.1:" + event.getWebServer().getPort() + "/";
    }

    public JsonNode json(String url) throws FetchException {
        Fetched fetched = fetch(url);
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

    public Fetched fetch(String url) throws FetchException {
        Fetched cached = cache.getIfPresent(url);
        if (cached != null) {
            return cached;
        }
        Fetched fetched = load(url);
        if (fetched.status() == 200 && !url.startsWith(selfPrefix) && cacheable(fetched.body())) {
            cache.put(url, fetched);
        }
        return fetched;
    }

    private Fetched load(String url) throws FetchException {
        Optional<Map.Entry<String, String>> mapped = mapping(url);
        if (mapped.isPresent()) {
            String target = mapped.get().getValue() + url.substring(mapped.get().getKey().length());
            return target.startsWith("file:") ? readFile(target) : get(uri(target), true);
        }
        return get(uri(url), false);
    }

    private Optional<Map.Entry<String, String>> mapping(String url) {
        String self = selfTarget;
        List<Map.Entry<String, String>> entries = new java.util.ArrayList<>(settings.urlMap().entrySet());
        if (self != null) {
            entries.add(Map.entry(selfPrefix, self));
        }
        return entries.stream()
                .filter(e -> url.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()));
    }

    private Fetched readFile(String target) throws FetchException {
        Path path;
        try {
            path = Path.of(new URI(target));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("bad file mapping " + target);
        }
        try {
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

    private Fetched get(URI uri, boolean trusted) throws FetchException {
        URI current = uri;
        for (int redirect = 0; ; redirect++) {
            if (!trusted) {
                requirePublicHttp(current);
            }
            HttpResponse<byte[]> response = send(current);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                if (redirect >= settings.maxRedirects()) {
                    throw new FetchException("too many redirects");
                }
                current = current.resolve(response.headers().firstValue("Location").get());
                trusted = false;
                continue;
            }
            return new Fetched(status, new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<byte[]> send(URI uri) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/ld+json, application/json, text/plain")
                .GET().build();
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> new LimitedBody(settings.maxDocumentBytes()));
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(uri.getHost() + " did not answer within " + settings.timeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new FetchException("document larger than " + settings.maxDocumentBytes() + " bytes");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new FetchException(uri.getHost() + " did not answer within " + settings.timeout());
            }
            throw new FetchException("cannot load " + uri + ": " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
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

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;                       // fc00::/7 unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0                                          // 0.0.0.0/8
                || (first == 100 && second >= 64 && second < 128)   // 100.64.0.0/10 carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19)); // 198.18.0.0/15 benchmarking
    }

    private boolean cacheable(String body) {
        try {
            JsonNode type = json.readTree(body).path("type");
            return CACHEABLE_TYPES.contains(type.asText()) || (type.isArray()
                    && java.util.stream.StreamSupport.stream(type.spliterator(), false)
                    .anyMatch(t -> CACHEABLE_TYPES.contains(t.asText())));
        } catch (IOException e) {
            return false;
        }
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
