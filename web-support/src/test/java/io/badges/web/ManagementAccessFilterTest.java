package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ManagementAccessFilterTest {

    private final AtomicReference<Principal> seen = new AtomicReference<>();

    private MockHttpServletResponse send(ManagementAccess access, String path, String peer, String... headers)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(peer);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        seen.set(null);
        new ManagementAccessFilter(access, new ObjectMapper()).doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(((HttpServletRequest) req).getUserPrincipal());
            }
        });
        return response;
    }

    @Test
    void theHealthStatusIsPublicButWithoutThePrincipalThatShowsDetails() throws Exception {
        ManagementAccess access = new ManagementAccess("a-management-key-1", true);
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(send(access, path, "198.51.100.1").getStatus()).isEqualTo(200);
            assertThat(seen.get()).as(path).isNull();
        }
        assertThat(send(access, "/api/v1/issuers", "198.51.100.1").getStatus()).isEqualTo(200);
    }

    @Test
    void everythingElseNeedsTheKeyOrALocalCallerNotBehindAProxy() throws Exception {
        ManagementAccess access = new ManagementAccess("a-management-key-1", true);

        MockHttpServletResponse remote = send(access, "/actuator/prometheus", "198.51.100.1");
        assertThat(remote.getStatus()).isEqualTo(401);
        assertThat(remote.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(remote.getContentType()).isEqualTo("application/problem+json");
        assertThat(send(access, "/actuator/health/db", "198.51.100.1").getStatus()).isEqualTo(401);
        assertThat(send(access, "/actuator/prometheus", "198.51.100.1", "Authorization", "Bearer wrong-key-000000")
                .getStatus()).isEqualTo(401);

        assertThat(send(access, "/actuator/prometheus", "198.51.100.1", "Authorization", "Bearer a-management-key-1")
                .getStatus()).isEqualTo(200);
        assertThat(seen.get()).isNotNull();
        assertThat(send(access, "/actuator/prometheus", "127.0.0.1").getStatus()).isEqualTo(200);
        assertThat(send(access, "/actuator/health", "127.0.0.1").getStatus()).isEqualTo(200);
        assertThat(seen.get()).as("a local caller sees details").isNotNull();
        assertThat(send(access, "/actuator/prometheus", "127.0.0.1", "X-Forwarded-For", "198.51.100.1").getStatus())
                .as("through a local proxy").isEqualTo(401);
        assertThat(send(new ManagementAccess(null, false), "/actuator/prometheus", "127.0.0.1").getStatus())
                .isEqualTo(401);
    }
}
