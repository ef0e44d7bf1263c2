package io.badges.query;

import io.badges.persistence.StartupRetry;
import io.badges.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answer is problem+json: the MVC ones (and {@link ProblemException}) through the base
 * class, the unexpected ones here: 503 with Retry-After while the database cannot be reached, 500
 * otherwise; never a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        boolean unavailable = StartupRetry.unreachable(ex)
                || ex instanceof org.springframework.dao.DataAccessResourceFailureException;
        if (unavailable) {
            log.warn("database unreachable, read refused: {}", ex.getMessage());
        } else {
            log.error("unexpected error handling a request", ex);
        }
        return ProblemResponses.unexpected(unavailable, "the read database cannot be reached; retry later",
                "the request could not be completed");
    }
}
