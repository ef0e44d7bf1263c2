package io.badges.command.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.config.BadgesProperties;
import io.badges.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per API key (the client id {@link ApiKeyFilter} put on the request): over the rate,
 * 429 with {@code Retry-After} before anything is read or written.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ObjectMapper mapper;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(BadgesProperties.Limits limits, ObjectMapper mapper, LongSupplier nanoTime) {
        this.perNano = limits.ratePerSecond() / 1e9;
        this.burst = limits.burst();
        this.mapper = mapper;
        this.nanoTime = nanoTime;
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt = nanoTime.getAsLong();

        /** 0 when a token was taken, else the nanoseconds until one is there. */
        synchronized long take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object client = request.getAttribute(ApiKeyFilter.CLIENT_ATTRIBUTE);
        if (perNano == 0 || client == null) {
            chain.doFilter(request, response);
            return;
        }
        long wait = buckets.computeIfAbsent(client.toString(), c -> new Bucket()).take();
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (long) Math.ceil(wait / 1e9));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", "more than the allowed requests per second for this API key; retry after "
                        + seconds + " s"), headers);
    }
}
