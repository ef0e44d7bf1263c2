package io.badges.query;

import io.badges.web.ProblemResponses;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An RFC 9457 problem answer, rendered by Spring as application/problem+json. */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(status, ProblemResponses.problem(status, type, title, detail), null);
    }

    protected ProblemException(HttpStatus status, ProblemDetail problem) {
        super(status, problem, null);
    }

    /** A problem with the request field at fault, in {@code errors}. */
    public ProblemException(HttpStatus status, String type, String title, String detail, String field) {
        super(status, ProblemResponses.withErrors(ProblemResponses.problem(status, type, title, detail),
                List.of(new ProblemResponses.FieldError(field, detail))), null);
    }
}
