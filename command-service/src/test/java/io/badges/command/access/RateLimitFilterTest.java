package io.badges.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.config.BadgesProperties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger passed = new AtomicInteger();
    private final RateLimitFilter filter = new RateLimitFilter(
            new BadgesProperties.Limits(1 << 24, 10, 5), new ObjectMapper(), now::get);

    private MockHttpServletResponse send(String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/issuers");
        request.setAttribute(ApiKeyFilter.CLIENT_ATTRIBUTE, client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                passed.incrementAndGet();
            }
        });
        return response;
    }

    @Test
    void aKeyGetsItsBurstThenA429WithRetryAfterUntilTokensRefill() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send("a").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send("a");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429", "rate-limited");
        assertThat(passed.get()).isEqualTo(5);

        now.addAndGet(100_000_000L);  // 0.1 s at 10/s: one token
        assertThat(send("a").getStatus()).isEqualTo(200);
        assertThat(send("a").getStatus()).isEqualTo(429);
    }

    @Test
    void keysHaveTheirOwnBuckets() throws Exception {
        for (int i = 0; i < 5; i++) {
            send("a");
        }
        assertThat(send("a").getStatus()).isEqualTo(429);
        assertThat(send("b").getStatus()).isEqualTo(200);
    }
}
