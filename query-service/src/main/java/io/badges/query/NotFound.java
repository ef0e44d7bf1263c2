package io.badges.query;

import io.badges.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** 404 as problem+json: the id names nothing the read model knows (yet). */
public class NotFound extends ProblemException {

    public NotFound(String what, String id) {
        super(HttpStatus.NOT_FOUND, problem(what, id));
    }

    /** The answer's body, for a path that answers without throwing (the hot reads). */
    public static ProblemDetail problem(String what, String id) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no " + what + " " + id);
    }
}
