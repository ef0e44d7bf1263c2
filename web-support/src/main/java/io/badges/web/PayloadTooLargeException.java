package io.badges.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request body over its limit, noticed while it was read (a chunked body): a 413 problem+json,
 * which Spring MVC's problem handling renders wherever the read happened.
 */
public class PayloadTooLargeException extends ErrorResponseException {

    public PayloadTooLargeException(long limit) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.problem(limit), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
