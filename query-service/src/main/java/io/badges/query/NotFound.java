package io.badges.query;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 as problem+json: the id names nothing the read model knows (yet). */
public class NotFound extends ErrorResponseException {

    public NotFound(String what, String id) {
        super(HttpStatus.NOT_FOUND, problem(what, id), null);
    }

    private static ProblemDetail problem(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + what + " " + id);
        problem.setType(URI.create("https://badges.example/problems/not-found"));
        problem.setTitle("Not found");
        return problem;
    }
}
