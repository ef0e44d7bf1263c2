package io.badges.command.web;

import static io.badges.web.ProblemResponses.problem;
import static io.badges.web.ProblemResponses.response;
import static io.badges.web.ProblemResponses.withErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.badges.command.domain.IdempotencyConflictException;
import io.badges.command.domain.RuleViolationException;
import io.badges.command.domain.UnknownReferenceException;
import io.badges.command.domain.UnmetPreconditionException;
import io.badges.persistence.StartupRetry;
import io.badges.vocabulary.image.BadImage;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.web.PayloadTooLargeException;
import io.badges.web.ProblemResponses;
import io.badges.web.ProblemResponses.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as problem+json; nothing below a controller ever shows a stack trace to a client.
 * The domain's refusals ({@code io.badges.command.domain}) get their status, type and title here.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return body(withErrors(
                problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        PayloadTooLargeException tooLarge = find(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                    tooLarge.getMessage()));
        }
        JsonMappingException mapping = find(ex, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String message = mapping instanceof InvalidFormatException invalid
                    ? "cannot be read as " + readableType(invalid.getTargetType())
                    : mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
                            ? "must be " + readableType(mismatched.getTargetType())
                            : "has an invalid value";
            return body(withErrors(
                    problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + " " + message),
                    List.of(new FieldError(field, message))));
        }
        String detail = find(ex, JsonProcessingException.class) != null
                ? "the body is not well-formed JSON"
                : "the body is missing or unreadable";
        return body(problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", detail));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
        return response(problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "Payload too large", ex.getMessage()));
    }

    /** An image over 512 KiB: the body was read (the 1 MiB body limit held), its content is too large. */
    @ExceptionHandler(BadgeImages.TooLarge.class)
    ResponseEntity<ProblemDetail> imageTooLarge(BadgeImages.TooLarge ex) {
        return response(withErrors(problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                ex.getMessage()), List.of(new FieldError("image", ex.getMessage()))));
    }

    @ExceptionHandler(BadImage.class)
    ResponseEntity<ProblemDetail> badImage(BadImage ex) {
        return response(withErrors(problem(HttpStatus.BAD_REQUEST, "bad-image", "Unacceptable image",
                ex.getMessage()), List.of(new FieldError("image", ex.getMessage()))));
    }

    @ExceptionHandler(UnknownReferenceException.class)
    ResponseEntity<ProblemDetail> unknownReference(UnknownReferenceException ex) {
        return response(withErrors(
                problem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-reference", "Unknown reference",
                        ex.getMessage()),
                List.of(new FieldError(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(UnmetPreconditionException.class)
    ResponseEntity<ProblemDetail> unmetPrecondition(UnmetPreconditionException ex) {
        return response(withErrors(
                problem(HttpStatus.UNPROCESSABLE_ENTITY, "precondition", "Cannot be done now",
                        ex.getMessage()),
                List.of(new FieldError(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException ex) {
        return response(withErrors(
                problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", ex.getMessage()),
                List.of(new FieldError(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException ex) {
        return response(withErrors(
                problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
                        ex.getMessage()),
                List.of(new FieldError("Idempotency-Key", ex.getMessage()))));
    }

    /** Path ids name aggregates: one that has no events does not exist. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        return response(problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no such resource"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        boolean unavailable = StartupRetry.unreachable(ex)
                || ex instanceof org.springframework.transaction.CannotCreateTransactionException;
        if (unavailable) {
            log.warn("database unreachable, request refused: {}", ex.getMessage());
        } else {
            log.error("unexpected error handling a request", ex);
        }
        return ProblemResponses.unexpected(unavailable,
                "the database cannot be reached; nothing was applied, retry later",
                "the request could not be completed; it has not been applied");
    }

    /** The base class's handlers answer {@code ResponseEntity<Object>}. */
    private static ResponseEntity<Object> body(ProblemDetail problem) {
        ResponseEntity<ProblemDetail> answer = response(problem);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }

    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String readableType(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
