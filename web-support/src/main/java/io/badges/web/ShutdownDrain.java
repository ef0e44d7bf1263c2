package io.badges.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first steps of a graceful shutdown, in both services, so that no request is refused with a 5xx:
 * <ol>
 *   <li>For {@code badges.shutdown-drain} every request is served as usual while readiness reports
 *   DOWN (Spring Boot moves it to REFUSING_TRAFFIC as the context closes), so a load balancer has time
 *   to notice; each answer carries {@code Connection: close}, so clients open their next connection
 *   where the balancer now sends them.</li>
 *   <li>Then the listening socket is closed: a new connection is refused by the kernel (a client sees
 *   "connection refused", never an answer), while the connections already open are still served, with
 *   keep-alive off, until no request is under way and none has started for a moment (at most another
 *   drain period).</li>
 *   <li>Only then does the web server's own graceful shutdown (the lifecycle phase just below this one)
 *   pause and wait for what is left.</li>
 * </ol>
 *
 * <p>Why not let the web server pause at once: Tomcat 10.1 answers a request that arrives on an open
 * connection after it paused with 400, not 503 ({@code Http11Processor} sets 503, skips the headers,
 * then its Host header check finds none). A client told 400 would not retry a valid award, and a
 * verifier might take a good badge for a bad one. With the connections closed first, none is left for
 * such a request.
 *
 * <p>Declared as a bean, it is both a lifecycle and the first servlet filter (Spring Boot registers
 * filter beans for every path, in their {@link Ordered} order).
 */
public final class ShutdownDrain extends OncePerRequestFilter implements SmartLifecycle, Ordered,
        ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);
    private static final long POLL_MILLIS = 20;
    /** Connections still open send their next request within this when their clients are busy. */
    private static final long QUIET_NANOS = 250_000_000L;

    private final Duration drain;
    private volatile WebServer webServer;
    private volatile boolean running;
    private volatile boolean draining;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastStarted = System.nanoTime();

    public ShutdownDrain(Duration drain) {
        this.drain = drain;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        lastStarted = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            if (draining) {
                response.setHeader(HttpHeaders.CONNECTION, "close");
            }
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        webServer = event.getWebServer();
    }

    @Override
    public void start() {
        draining = false;
        running = true;
    }

    /**
     * Serves the drain period, closes the listener, then waits (at most another drain period) until no
     * request is under way and none has started for a moment: the connections still open have sent
     * their last request (keep-alive is off once the listener is closed) and are closed, so none is
     * left for a request to reach just as the web server pauses.
     */
    @Override
    public void stop() {
        draining = true;
        log.info("shutdown: serving {} ms more with readiness DOWN, then closing the listener", drain.toMillis());
        try {
            Thread.sleep(drain.toMillis());
            connectors().forEach(connector -> connector.getProtocolHandler().closeServerSocketGraceful());
            long deadline = System.nanoTime() + drain.toNanos();
            while (!quiet() && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
            }
            log.info("shutdown: listener closed, {} requests under way", inFlight.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    private boolean quiet() {
        return inFlight.get() == 0 && System.nanoTime() - lastStarted > QUIET_NANOS;
    }

    private List<Connector> connectors() {
        return webServer instanceof TomcatWebServer tomcat
                ? List.of(tomcat.getTomcat().getService().findConnectors())
                : List.of();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops just before the web server's graceful shutdown (higher phases stop first). */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }

    /** The first filter: every answer during the drain closes its connection. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
