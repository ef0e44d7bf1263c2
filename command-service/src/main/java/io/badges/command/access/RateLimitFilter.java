package io.badges.command.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.config.BadgesProperties;
import io.badges.web.ProblemResponses;
import io.badges.web.TokenBuckets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per API key (the client id {@link ApiKeyFilter} put on the request): over the rate,
 * 429 with {@code Retry-After} before anything is read or written.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;
    private final ObjectMapper mapper;

    public RateLimitFilter(BadgesProperties.Limits limits, ObjectMapper mapper, LongSupplier nanoTime) {
        this.buckets = new TokenBuckets(limits.ratePerSecond(), limits.burst(), nanoTime);
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object client = request.getAttribute(ApiKeyFilter.CLIENT_ATTRIBUTE);
        if (!buckets.enabled() || client == null) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = buckets.take(client.toString());
        if (seconds == 0) {
            chain.doFilter(request, response);
            return;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", "more than the allowed requests per second for this API key; retry after "
                        + seconds + " s"), headers);
    }
}
