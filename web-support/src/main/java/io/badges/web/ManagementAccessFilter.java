package io.badges.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /actuator/**}. The health status ({@code /actuator/health} and its liveness and
 * readiness groups) stays public, status only; everything else (health details and components, info,
 * Prometheus metrics) answers only an authorized caller ({@link ManagementAccess}), and 401
 * problem+json to anyone else. An authorized request carries a principal, which is what Spring Boot's
 * {@code show-details: when-authorized} asks for.
 */
public class ManagementAccessFilter extends OncePerRequestFilter {

    static final Set<String> PUBLIC = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");
    private static final Principal OPERATOR = () -> "management";

    private final ManagementAccess access;
    private final ObjectMapper mapper;

    public ManagementAccessFilter(ManagementAccess access, ObjectMapper mapper) {
        this.access = access;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/actuator") || path.startsWith("/actuator/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (authorized(request)) {
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public Principal getUserPrincipal() {
                    return OPERATOR;
                }
            }, response);
            return;
        }
        String path = request.getRequestURI();
        if (PUBLIC.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path)) {
            chain.doFilter(request, response);
            return;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemResponses.write(response, mapper, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                "Unauthorized", "management endpoints need Authorization: Bearer <BADGES_MANAGEMENT_KEY>"), headers);
    }

    private boolean authorized(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (access.key() != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                    access.key().getBytes(StandardCharsets.UTF_8));
        }
        return access.allowLocal() && local(request);
    }

    /** A caller on this machine, not relayed by a proxy (a local proxy would make everyone local). */
    private static boolean local(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        byte[] address = AddressRanges.literal(request.getRemoteAddr());
        try {
            return address != null && InetAddress.getByAddress(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
