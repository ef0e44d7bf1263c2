package io.badges.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address ({@link ClientAddress}) for callers without a valid API key: over
 * the rate, 429 problem+json with {@code Retry-After} before anything is read. Liveness and readiness
 * probes are never limited (a load balancer must see the instance even under a flood), nor are the
 * configured unlimited addresses.
 */
public class ClientRateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;
    private final ClientAddress clients;
    private final AddressRanges unlimited;
    private final Predicate<HttpServletRequest> keyHolder;
    private final ObjectMapper mapper;

    /** {@code keyHolder}: whether a request carries a valid API key (limited per key elsewhere, if at all). */
    public ClientRateLimitFilter(HttpLimits limits, Predicate<HttpServletRequest> keyHolder, ObjectMapper mapper,
                                 LongSupplier nanoTime) {
        this.buckets = new TokenBuckets(limits.clientRatePerSecond(), limits.clientBurst(), nanoTime);
        this.clients = new ClientAddress(AddressRanges.of(limits.trustedProxies()));
        this.unlimited = AddressRanges.of(limits.unlimitedClients());
        this.keyHolder = keyHolder;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !buckets.enabled() || path.equals("/actuator/health/liveness")
                || path.equals("/actuator/health/readiness");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] client = clients.of(request);
        if (client == null || unlimited.contains(client) || keyHolder.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = buckets.take(ByteBuffer.wrap(client));
        if (seconds == 0) {
            chain.doFilter(request, response);
            return;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited", "Too many requests", "more than the allowed requests per second from this address; "
                        + "retry after " + seconds + " s"), headers);
    }
}
