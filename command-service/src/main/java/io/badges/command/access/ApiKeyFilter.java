package io.badges.command.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.web.KeyDigests;
import io.badges.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <key>} on every write; the client id (key digest) goes on the request. */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String CLIENT_ATTRIBUTE = "badges.client";

    private final ApiKeys keys;
    private final ObjectMapper mapper;

    public ApiKeyFilter(ApiKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<String> client = keys.clientOf(KeyDigests.bearer(request));
        if (client.isEmpty()) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            String detail = header == null ? "missing Authorization: Bearer <key>" : "unknown API key";
            ProblemResponses.write(response, mapper,
                    ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail), headers);
            return;
        }
        request.setAttribute(CLIENT_ATTRIBUTE, client.get());
        chain.doFilter(request, response);
    }
}
