package io.badges.command.assertion;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.access.ApiKeyFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The single award, {@code POST /api/v1/assertions}, ahead of Spring MVC's dispatch, argument resolvers
 * and message converters (docs/architecture.md, "Write path"). It runs behind the API key, rate limit
 * and body size filters and inside the HTTP observation, and answers only what it is sure of:
 * <ul>
 *   <li>Before anything is written, any request it does not take plainly (another content type, an
 *   {@code Accept} without JSON, a body of unknown length, JSON that does not bind, a violated
 *   constraint, an over-long Idempotency-Key) goes down the chain with its body replayed, so the
 *   controller gives its usual answer or problem+json.</li>
 *   <li>Once the award is under way, a failure is answered by the same {@code @RestControllerAdvice}
 *   as in the controller, through Spring MVC's exception resolvers; the award is never run twice.</li>
 * </ul>
 * The answer is the controller's: 201, {@code Location}, {@code Idempotent-Replayed} and the same body.
 */
public final class SingleAwardFilter extends OncePerRequestFilter {

    static final String PATH = "/api/v1/assertions";

    private final AssertionIssuing issuing;
    private final ObjectMapper json;
    private final Validator validator;
    private final HandlerExceptionResolver exceptions;
    private final LongAdder answered = new LongAdder();

    SingleAwardFilter(AssertionIssuing issuing, ObjectMapper json, Validator validator,
                      HandlerExceptionResolver exceptions) {
        this.issuing = issuing;
        this.json = json;
        this.validator = validator;
        this.exceptions = exceptions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())
                || request.getQueryString() != null || !isJson(request.getContentType())
                || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT)) || request.getContentLengthLong() <= 0
                || request.getHeader(HttpHeaders.ORIGIN) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        AssertionRequest award = plainAward(body, request.getHeader("Idempotency-Key"));
        if (award == null) {
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.setPathPattern(PATH));
        String client = (String) request.getAttribute(ApiKeyFilter.CLIENT_ATTRIBUTE);
        String key = blankToNull(request.getHeader("Idempotency-Key"));
        answered.increment();
        AssertionIssuing.Result result;
        try {
            result = AssertionIssuing.once(() -> issuing.issue(award, client, key));
        } catch (RuntimeException failure) {
            if (exceptions.resolveException(request, response, null, failure) == null) {
                throw failure;
            }
            return;
        }
        byte[] answer = result.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader(HttpHeaders.LOCATION, PATH + "/" + result.id());
        response.setHeader("Idempotent-Replayed", Boolean.toString(result.replayed()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** How many awards this filter took itself rather than pass to the controller (tests, diagnostics). */
    public long answered() {
        return answered.sum();
    }

    /** The award when the body binds and every constraint holds; null for the controller to answer. */
    private AssertionRequest plainAward(byte[] body, String idempotencyKey) {
        if (idempotencyKey != null && idempotencyKey.length() > AssertionIssuing.MAX_IDEMPOTENCY_KEY) {
            return null;
        }
        AssertionRequest award;
        try {
            award = json.readValue(body, AssertionRequest.class);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        return award != null && validator.validate(award).isEmpty() ? award : null;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/json;");
    }

    static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals("application/json");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The request with the body already read, for the controller to read again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the replayed body is read blocking");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding())));
        }
    }
}
