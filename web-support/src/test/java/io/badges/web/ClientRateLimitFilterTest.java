package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientRateLimitFilterTest {

    private final AtomicLong now = new AtomicLong();

    private ClientRateLimitFilter filter(List<String> trustedProxies, List<String> unlimited) {
        return new ClientRateLimitFilter(new HttpLimits(1 << 20, 10, 2, trustedProxies, unlimited),
                request -> "key".equals(request.getHeader("Authorization")), new ObjectMapper(), now::get);
    }

    private static MockHttpServletResponse send(ClientRateLimitFilter filter, String peer, String forwardedFor,
                                                String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletResponse send(ClientRateLimitFilter filter, String peer) throws Exception {
        return send(filter, peer, null, "/api/v1/issuers/x");
    }

    @Test
    void anAddressGetsItsBurstThenA429WithRetryAfterUntilATokenRefills() throws Exception {
        ClientRateLimitFilter filter = filter(List.of(), List.of());
        assertThat(send(filter, "198.51.100.1").getStatus()).isEqualTo(200);
        assertThat(send(filter, "198.51.100.1").getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = send(filter, "198.51.100.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(send(filter, "198.51.100.2").getStatus()).as("another address").isEqualTo(200);
        now.addAndGet(100_000_000L);
        assertThat(send(filter, "198.51.100.1").getStatus()).isEqualTo(200);
    }

    @Test
    void unlimitedAddressesProbesAndKeyHoldersAreNeverLimited() throws Exception {
        ClientRateLimitFilter filter = filter(List.of(), List.of("127.0.0.0/8", "::1", "10.1.0.0/16"));
        for (int i = 0; i < 10; i++) {
            assertThat(send(filter, "127.0.0.1").getStatus()).isEqualTo(200);
            assertThat(send(filter, "0:0:0:0:0:0:0:1").getStatus()).isEqualTo(200);
            assertThat(send(filter, "10.1.200.3").getStatus()).isEqualTo(200);
            assertThat(send(filter, "198.51.100.3", null, "/actuator/health/readiness").getStatus()).isEqualTo(200);
            MockHttpServletRequest keyed = new MockHttpServletRequest("GET", "/api/v1/x");
            keyed.setRemoteAddr("198.51.100.4");
            keyed.addHeader("Authorization", "key");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(keyed, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
        assertThat(send(filter, "10.2.0.1").getStatus()).isEqualTo(200);
        assertThat(send(filter, "10.2.0.1").getStatus()).isEqualTo(200);
        assertThat(send(filter, "10.2.0.1").getStatus()).as("outside 10.1.0.0/16").isEqualTo(429);
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxyAndOnlyItsRightMostUntrustedHop() throws Exception {
        ClientRateLimitFilter direct = filter(List.of(), List.of());
        for (int i = 0; i < 3; i++) {
            send(direct, "198.51.100.5", "203.0.113." + i, "/x");
        }
        assertThat(send(direct, "198.51.100.5", "203.0.113.99", "/x").getStatus())
                .as("an untrusted peer cannot spread itself over forged addresses").isEqualTo(429);

        ClientRateLimitFilter proxied = filter(List.of("192.0.2.0/24"), List.of());
        for (int i = 0; i < 3; i++) {
            send(proxied, "192.0.2.1", "10.9.9." + i + ", 203.0.113.50, 192.0.2.7", "/x");
        }
        assertThat(send(proxied, "192.0.2.1", "10.9.9.9, 203.0.113.50, 192.0.2.7", "/x").getStatus())
                .as("the client's own entries are ignored").isEqualTo(429);
        assertThat(send(proxied, "192.0.2.1", "203.0.113.51", "/x").getStatus()).isEqualTo(200);
    }

    @Test
    void aBadRangeStopsStartUp() {
        assertThatThrownBy(() -> new HttpLimits(1 << 20, 1, 1, List.of("proxy.example"), List.of()))
                .hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> new HttpLimits(1 << 20, 1, 1, List.of(), List.of("10.0.0.0/33")))
                .hasMessageContaining("10.0.0.0/33");
    }
}
