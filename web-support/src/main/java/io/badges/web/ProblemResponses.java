package io.badges.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one writer of RFC 9457 problem documents, for both services: the fields api.md promises (type,
 * title, status, detail, errors), answered by a controller advice or written by a servlet filter.
 */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://badges.example/problems/";

    private ProblemResponses() {
    }

    public record FieldError(String field, String message) {
    }

    /** A problem of type {@code TYPE_BASE + slug}. */
    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The answer of a controller advice. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The answer to an exception nothing else handled: 503 with {@code Retry-After: 1} while the
     * database cannot be reached (retrying helps), else 500; neither says more than the given detail.
     */
    public static ResponseEntity<ProblemDetail> unexpected(boolean databaseUnreachable, String unreachableDetail,
                                                           String internalDetail) {
        if (databaseUnreachable) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Database unavailable",
                            unreachableDetail));
        }
        return response(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", internalDetail));
    }

    /** The answer of a servlet filter that refuses a request before the dispatcher sees it. */
    public static void write(HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem,
                             HttpHeaders headers) throws IOException {
        response.setStatus(problem.getStatus());
        headers.forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
