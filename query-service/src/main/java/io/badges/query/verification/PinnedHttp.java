package io.badges.query.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The fetcher's HTTP GETs. For strangers' URLs the connection goes to an address that passed the
 * check, and only there: the name is resolved once, by a resolver that refuses private addresses, and
 * the connection uses what that resolver answered (the address is pinned), so a DNS answer that
 * changes between the check and the connection (rebinding) cannot point the request inward. TLS still
 * checks the certificate against the host name. The operator's URL-map targets are trusted and
 * resolved as usual. Each GET is bounded in time as a whole (a watchdog aborts a body that trickles)
 * and in size (the body is cut off while streaming).
 */
final class PinnedHttp implements AutoCloseable {

    /** How names are looked up; the system resolver in production, a stand-in in tests. */
    interface NameLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    /** What a GET answered. */
    record Answer(int status, byte[] body, String location, String cacheControl) {
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fetch-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final CloseableHttpClient checked;
    private final CloseableHttpClient trusted;
    private final long maxBytes;

    PinnedHttp(Duration connectTimeout, long maxBytes, boolean allowPrivateNetworks, int maxConnections,
               NameLookup lookup) {
        this.maxBytes = maxBytes;
        this.checked = client(connectTimeout, maxConnections, new CheckingResolver(lookup, allowPrivateNetworks));
        this.trusted = client(connectTimeout, maxConnections, new CheckingResolver(InetAddress::getAllByName, true));
    }

    private static CloseableHttpClient client(Duration connectTimeout, int maxConnections, DnsResolver resolver) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** GET {@code uri} within {@code timeout}, from its first byte sent to its last byte read. */
    Answer get(URI uri, boolean trustedTarget, Duration timeout) throws FetchException {
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "application/ld+json, application/json, text/plain");
        get.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .build());
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(get::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return (trustedTarget ? trusted : checked).execute(get, response -> answer(response));
        } catch (TooLarge e) {
            throw new FetchException("document larger than " + maxBytes + " bytes");
        } catch (UnknownHostException e) {
            throw new FetchException(e.getMessage() != null && e.getMessage().contains("private")
                    ? e.getMessage() : "unknown host " + uri.getHost());
        } catch (InterruptedIOException e) {
            throw new FetchException(uri.getHost() + " did not answer within " + timeout);
        } catch (IOException e) {
            if (get.isCancelled()) {
                throw new FetchException(uri.getHost() + " did not answer within " + timeout);
            }
            throw new FetchException(e instanceof java.net.ConnectException || e instanceof java.net.NoRouteToHostException
                    ? "could not connect to " + uri.getHost() : "could not load " + uri);
        } finally {
            watchdog.cancel(false);
        }
    }

    private Answer answer(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (body.length > maxBytes) {
                throw new TooLarge();
            }
        }
        return new Answer(response.getCode(), body, header(response, "Location"), header(response, "Cache-Control"));
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    @Override
    public void close() throws IOException {
        checked.close();
        trusted.close();
    }

    private static final class TooLarge extends IOException {
    }

    /** Resolves a name once; unless private networks are allowed, refuses it when any address is not public. */
    private record CheckingResolver(NameLookup lookup, boolean allowPrivate) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = lookup.lookup(host);
            if (!allowPrivate) {
                for (InetAddress address : addresses) {
                    if (PublicAddresses.isPrivate(address)) {
                        throw new UnknownHostException(host + " is a loopback, link-local or private address");
                    }
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
