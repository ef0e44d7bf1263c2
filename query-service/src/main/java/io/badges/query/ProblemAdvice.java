package io.badges.query;

import io.badges.persistence.StartupRetry;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answer is problem+json: the MVC ones (and {@link ProblemException}) through the base
 * class, the unexpected ones here: 503 with Retry-After while the database cannot be reached, 500
 * otherwise; never a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /**
     * An upload over the multipart limits (application.yml), refused while the request is parsed:
     * answered as an image over {@link BadgeImages#MAX_BYTES} is, wherever the check caught it.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE, "image-too-large", "Image too large",
                        "the upload is larger than the " + BadgeImages.MAX_BYTES + " bytes an image may have"));
    }

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
