package io.badges.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.NotFound;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The hot path of the public reads by id: the answer's bytes and headers, written straight to the
 * response ahead of Spring MVC, its observation and its message converters (docs/architecture.md, "Hot
 * reads"). It answers only the plain case: {@code GET}, no query string, no {@code Origin} (CORS stays
 * with Spring), an id of letters, digits, '-' and '_', and for negotiated documents an Accept that asks
 * for JSON or anything. An unknown id gets the controller's 404 problem+json here too (a client polling
 * for a badge that is not readable yet costs a cache lookup, not an exception through Spring MVC).
 * Everything else and any failure go on down the chain, where the controller gives the same answer (or
 * the usual problem+json) through the same {@link Representation}. Each answer is timed as
 * {@code http.server.requests}, with the tags Spring's observation gives.
 */
public final class HotReadFilter implements Filter {

    private static final int MAX_ID = 100;

    private final HotRead[] reads;
    private final RouteTimers[] timers;
    private final ObjectMapper json;

    public HotReadFilter(List<HotRead> reads, MeterRegistry meters, ObjectMapper json) {
        this.reads = reads.toArray(HotRead[]::new);
        this.json = json;
        this.timers = reads.stream().map(read -> new RouteTimers(read.uriTemplate(), meters)).toArray(RouteTimers[]::new);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
                || request.getHeader(HttpHeaders.ORIGIN) != null || !answered(request, (HttpServletResponse) res)) {
            chain.doFilter(req, res);
        }
    }

    private boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = request.getRequestURI();
        for (int r = 0; r < reads.length; r++) {
            HotRead read = reads[r];
            if (!uri.startsWith(read.prefix())) {
                continue;
            }
            String id = uri.substring(read.prefix().length());
            if (!plainId(id) || (read.negotiated() && !asksForJson(request.getHeader(HttpHeaders.ACCEPT)))) {
                return false;
            }
            long start = System.nanoTime();
            Optional<Representation> answer;
            try {
                answer = read.answer().apply(id);
            } catch (RuntimeException e) {
                return false;  // the controller meets the same failure and answers it as problem+json
            }
            int status = answer.isPresent() ? write(answer.get(), request, response) : notFound(read, id, request, response);
            timers[r].of(status).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return true;
        }
        return false;
    }

    private static int write(Representation answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.VARY, answer.vary());
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, answer.cacheControl());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, answer.lastModified() * 1000);
        if (answer.notModified(request)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return HttpStatus.NOT_MODIFIED.value();
        }
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
        return answer.status();
    }

    /** The controller's answer to an unknown id: {@link NotFound}'s problem, with the same Vary. */
    private int notFound(HotRead read, String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ProblemDetail problem = NotFound.problem(read.what(), id);
        problem.setInstance(URI.create(request.getRequestURI()));
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setHeader(HttpHeaders.VARY, read.negotiated() ? Representation.VARY_NEGOTIATED : Representation.VARY_CORS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return HttpStatus.NOT_FOUND.value();
    }

    static boolean plainId(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_ID) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** No Accept, anything, or JSON without a page among the choices: the JSON document is the answer. */
    static boolean asksForJson(String accept) {
        if (accept == null || accept.equals("*/*")) {
            return true;
        }
        return !accept.contains("html") && (accept.startsWith("application/json")
                || accept.startsWith("application/ld+json"));
    }

    /** A route's request timers: the two statuses of nearly every answer at hand, others made when met. */
    private static final class RouteTimers {

        private final String uri;
        private final MeterRegistry meters;
        private final Timer ok;
        private final Timer notModified;
        private final ConcurrentHashMap<Integer, Timer> others = new ConcurrentHashMap<>();

        RouteTimers(String uri, MeterRegistry meters) {
            this.uri = uri;
            this.meters = meters;
            this.ok = create(HttpStatus.OK.value());
            this.notModified = create(HttpStatus.NOT_MODIFIED.value());
        }

        Timer of(int status) {
            return status == 200 ? ok : status == 304 ? notModified : others.computeIfAbsent(status, this::create);
        }

        private Timer create(int status) {
            return Timer.builder("http.server.requests")
                    .tag("error", "none").tag("exception", "none").tag("method", "GET")
                    .tag("outcome", status < 300 ? "SUCCESS" : status < 400 ? "REDIRECTION" : "CLIENT_ERROR")
                    .tag("status", Integer.toString(status)).tag("uri", uri)
                    .register(meters);
        }
    }
}
