package io.badges.query;

import org.springframework.http.HttpStatus;

/** 404 as problem+json: the id names nothing the read model knows (yet). */
public class NotFound extends ProblemException {

    public NotFound(String what, String id) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "no " + what + " " + id);
    }
}
