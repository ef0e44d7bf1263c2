package io.badges.query.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real local HTTP server, with allow-private-networks off. */
class DocumentFetcherTest {

    private HttpServer server;
    private String local;
    private final AtomicInteger badgeHits = new AtomicInteger();
    private final AtomicInteger assertionHits = new AtomicInteger();
    private final AtomicInteger didHits = new AtomicInteger();
    private final AtomicInteger listHits = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/badge", exchange -> {
            badgeHits.incrementAndGet();
            answer(exchange, 200, "{\"type\":\"BadgeClass\",\"name\":\"b\"}");
        });
        server.createContext("/assertion", exchange -> {
            assertionHits.incrementAndGet();
            answer(exchange, 200, "{\"type\":\"Assertion\"}");
        });
        server.createContext("/did-no-store", exchange -> {
            didHits.incrementAndGet();
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            answer(exchange, 200, "{\"id\":\"did:web:issuer.test\",\"verificationMethod\":[]}");
        });
        server.createContext("/list-max-age", exchange -> {
            listHits.incrementAndGet();
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=300");
            answer(exchange, 200, "{\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"]}");
        });
        server.createContext("/list-unsaid", exchange -> {
            listHits.incrementAndGet();
            answer(exchange, 200, "{\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"]}");
        });
        server.createContext("/huge", exchange -> answer(exchange, 200, "{\"pad\":\"" + "x".repeat(300_000) + "\"}"));
        server.createContext("/huge-chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    body.write("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException clientGaveUp) {
                // expected: the fetcher cancels past its limit
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{}");
        });
        server.createContext("/hop", exchange -> {
            exchange.getResponseHeaders().add("Location", "https://issuer.test/badge");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/bad-location", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://[not-a-host/x y");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-loopback", exchange -> {
            exchange.getResponseHeaders().add("Location", local + "badge");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        local = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** "https://issuer.test/" is mapped by the operator to the local server; nothing else is. */
    private DocumentFetcher fetcher(Duration timeout, long maxBytes) {
        return TestVerifiers.fetcher(Map.of("https://issuer.test/", local), timeout, maxBytes);
    }

    @Test
    void refusesLoopbackEvenWhenAServerIsThere() {
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(2), 1_000_000).fetch(local + "badge"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("loopback, link-local or private");
        assertThat(badgeHits).hasValue(0);
    }

    @Test
    void refusesTheCloudMetadataAddress() {
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(2), 1_000_000).fetch("http://169.254.169.254/latest/meta-data/"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("private");
    }

    @Test
    void refusesPrivateRangesAndIpv6Loopback() {
        DocumentFetcher fetcher = fetcher(Duration.ofSeconds(2), 1_000_000);
        for (String url : new String[] {"http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/", "http://[::1]/",
                "http://0.0.0.0/", "http://localhost/"}) {
            assertThatThrownBy(() -> fetcher.fetch(url)).as(url).isInstanceOf(FetchException.class);
        }
    }

    @Test
    void refusesOtherSchemes() {
        DocumentFetcher fetcher = fetcher(Duration.ofSeconds(2), 1_000_000);
        assertThatThrownBy(() -> fetcher.fetch("file:/etc/passwd"))
                .isInstanceOf(FetchException.class).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> fetcher.fetch("ftp://example.org/x"))
                .isInstanceOf(FetchException.class).hasMessageContaining("only http and https");
    }

    @Test
    void refusesOversizedAnswers() {
        DocumentFetcher fetcher = fetcher(Duration.ofSeconds(2), 100_000);
        assertThatThrownBy(() -> fetcher.fetch("https://issuer.test/huge"))
                .isInstanceOf(FetchException.class).hasMessageContaining("larger than");
        assertThatThrownBy(() -> fetcher.fetch("https://issuer.test/huge-chunked"))
                .isInstanceOf(FetchException.class).hasMessageContaining("larger than");
    }

    @Test
    void givesUpOnSlowAnswers() {
        DocumentFetcher fetcher = fetcher(Duration.ofMillis(500), 1_000_000);
        assertThatThrownBy(() -> fetcher.fetch("https://issuer.test/slow"))
                .isInstanceOf(FetchException.class).hasMessageContaining("did not answer");
    }

    @Test
    void checksRedirectTargetsAgain() {
        DocumentFetcher fetcher = fetcher(Duration.ofSeconds(2), 1_000_000);
        assertThatThrownBy(() -> fetcher.fetch("https://issuer.test/to-loopback"))
                .isInstanceOf(FetchException.class).hasMessageContaining("loopback");
        assertThat(badgeHits).hasValue(0);
    }

    @Test
    void cachesBadgeClassesButNotAssertions() throws Exception {
        DocumentFetcher fetcher = fetcher(Duration.ofSeconds(2), 1_000_000);

        fetcher.json("https://issuer.test/badge");
        fetcher.json("https://issuer.test/badge");
        fetcher.json("https://issuer.test/assertion");
        fetcher.json("https://issuer.test/assertion");

        assertThat(badgeHits).hasValue(1);
        assertThat(assertionHits).hasValue(2);
    }

    @Test
    void keepsDocumentsNoLongerThanTheirCacheControlAllows() throws Exception {
        DocumentFetcher fetcher = fetcher(Duration.ofSeconds(2), 1_000_000);

        for (int i = 0; i < 2; i++) {
            fetcher.json("https://issuer.test/did-no-store");
            fetcher.json("https://issuer.test/list-max-age");
            fetcher.json("https://issuer.test/list-unsaid");
        }

        assertThat(didHits).as("no-store: loaded every time").hasValue(2);
        assertThat(listHits).as("a status list with max-age once, one without every time").hasValue(3);
    }

    @Test
    void aStatusListIsKeptForTheShorterOfItsTtlAndCacheControl() {
        DocumentFetcher fetcher = fetcher(Duration.ofSeconds(2), 1_000_000);
        String list = "{\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],\"ttl\":60000}";

        assertThat(fetcher.keepFor(new DocumentFetcher.Fetched(200, list, null))).isEqualTo(Duration.ofMinutes(1));
        assertThat(fetcher.keepFor(new DocumentFetcher.Fetched(200, list, Duration.ofSeconds(5))))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(fetcher.keepFor(new DocumentFetcher.Fetched(200, "{\"type\":\"Profile\"}", null)))
                .as("an issuer profile: the configured TTL").isEqualTo(Duration.ofMinutes(10));
        assertThat(DocumentFetcher.maxAge("private, max-age=0")).isZero();
        assertThat(DocumentFetcher.maxAge("no-cache")).isZero();
        assertThat(DocumentFetcher.maxAge("public")).isNull();
    }

    @Test
    void aBudgetStopsRedirectChainsAndCountsEveryHop() {
        DocumentFetcher fetcher = fetcher(Duration.ofSeconds(2), 1_000_000);
        FetchBudget budget = new FetchBudget(1, 1_000_000, Duration.ofSeconds(5));

        assertThatThrownBy(() -> fetcher.fetch("https://issuer.test/hop", budget))
                .isInstanceOf(FetchException.class).hasMessageContaining("at most 1");
    }

    @Test
    void refusesSpecialRangesAndIpv4HiddenInIpv6() throws Exception {
        for (String address : java.util.List.of("192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "240.0.0.1",
                "255.255.255.255", "100.64.0.1", "::7f00:1", "::a00:1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe",
                "2002:a00:1::1", "2001:db8::1", "fd00::1", "::ffff:10.0.0.1")) {
            assertThat(PublicAddresses.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : java.util.List.of("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "64:ff9b::808:808")) {
            assertThat(PublicAddresses.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void aUrlMapPrefixEndsAtAPathBoundary() {
        assertThat(DocumentFetcher.underPrefix("https://a.example/x", "https://a.example")).isTrue();
        assertThat(DocumentFetcher.underPrefix("https://a.example", "https://a.example")).isTrue();
        assertThat(DocumentFetcher.underPrefix("https://a.example.evil.org/x", "https://a.example")).isFalse();
        assertThat(DocumentFetcher.underPrefix("https://a.example:8443/x", "https://a.example")).isFalse();
        assertThat(DocumentFetcher.underPrefix("https://a.example/docs-old/x", "https://a.example/docs")).isFalse();
        assertThat(DocumentFetcher.underPrefix("https://a.example/docs/x", "https://a.example/docs/")).isTrue();
    }

    @Test
    void aMalformedRedirectIsAFetchErrorNotACrash() {
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(2), 1_000_000).fetch("https://issuer.test/bad-location"))
                .isInstanceOf(FetchException.class).hasMessageContaining("malformed Location");
    }

    @Test
    void fetchesBeyondTheConcurrencyLimitWaitAtMostTheirTimeThenFail() throws Exception {
        DocumentFetcher fetcher = TestVerifiers.fetcher(Map.of("https://issuer.test/", local), Duration.ofSeconds(5),
                1_000_000, 1);
        java.util.concurrent.CompletableFuture<?> slow = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                fetcher.fetch("https://issuer.test/slow");
            } catch (FetchException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300); // the slow fetch holds the only permit

        assertThatThrownBy(() -> fetcher.fetch("https://issuer.test/badge",
                new FetchBudget(12, 1_000_000, Duration.ofMillis(500))))
                .isInstanceOf(FetchException.class).hasMessageContaining("being loaded already");
        slow.get();
        assertThat(fetcher.fetch("https://issuer.test/badge").status()).isEqualTo(200);
    }

    /**
     * #19 DNS rebinding: the name is looked up once, checked, and the connection goes to that address.
     * The stand-in DNS answers a public address first and loopback (where a server listens) after; a
     * fetcher that looked up again to connect would reach the loopback server.
     */
    @Test
    void connectsToTheAddressThatWasCheckedNotToASecondAnswer() throws Exception {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        PinnedHttp.NameLookup rebinding = host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getByName("192.88.99.1")} : new InetAddress[] {loopback};
        int port = server.getAddress().getPort();
        try (PinnedHttp http = new PinnedHttp(Duration.ofMillis(300), 1_000_000, false, 4, rebinding)) {
            assertThatThrownBy(() -> http.get(java.net.URI.create("http://rebind.test:" + port + "/badge"), false,
                    Duration.ofSeconds(2))).isInstanceOf(FetchException.class);
        }
        assertThat(lookups).as("one lookup for the check and the connection").hasValue(1);
        assertThat(badgeHits).as("the loopback server was never reached").hasValue(0);
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedBeforeConnecting() throws Exception {
        PinnedHttp.NameLookup inward = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        int port = server.getAddress().getPort();
        try (PinnedHttp http = new PinnedHttp(Duration.ofSeconds(1), 1_000_000, false, 4, inward)) {
            assertThatThrownBy(() -> http.get(java.net.URI.create("http://inward.test:" + port + "/badge"), false,
                    Duration.ofSeconds(2))).isInstanceOf(FetchException.class).hasMessageContaining("private");
        }
        assertThat(badgeHits).hasValue(0);
    }
}
