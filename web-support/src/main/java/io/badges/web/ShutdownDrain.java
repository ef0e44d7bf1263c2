package io.badges.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first step of a graceful shutdown, in both services. For {@code badges.shutdown-drain},
 * requests that arrive are answered 503 problem+json with {@code Retry-After} and
 * {@code Connection: close}, and nothing is done; requests under way finish. Only then does the web
 * server's own graceful shutdown (the lifecycle phase just below this one) close the listener and
 * wait for what is left.
 *
 * <p>Why not rely on the web server alone: Tomcat 10.1 answers a request that arrives on a kept-alive
 * connection at the instant it pauses with 400, not 503 ({@code Http11Processor} sets 503, skips the
 * headers, then its Host header check finds none). A client told 400 would not retry a valid award,
 * and a verifier might take a good badge for a bad one. Draining first closes every busy connection
 * with a retryable answer before Tomcat pauses.
 *
 * <p>Declared as a bean, it is both a lifecycle and the first servlet filter (Spring Boot registers
 * filter beans for every path, in their {@link Ordered} order).
 */
public final class ShutdownDrain extends OncePerRequestFilter implements SmartLifecycle, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration drain;
    private final ObjectMapper mapper;
    private volatile boolean running;
    private volatile boolean draining;

    public ShutdownDrain(Duration drain, ObjectMapper mapper) {
        this.drain = drain;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!draining) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, drain.toSeconds());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        headers.set(HttpHeaders.CONNECTION, "close");
        ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                "shutting-down", "Shutting down", "this instance is stopping; nothing was done, send the request "
                        + "again (to another instance, or after " + seconds + " s)"), headers);
    }

    @Override
    public void start() {
        draining = false;
        running = true;
    }

    /** Refuses new requests for the drain period; returns when the web server may pause. */
    @Override
    public void stop() {
        draining = true;
        log.info("shutdown: refusing new requests with 503 for {} ms before the web server stops", drain.toMillis());
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
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

    /** The first filter: a draining instance refuses before anything else reads the request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
