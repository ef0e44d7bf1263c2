package io.badges.command.domain;

/** A valid request that the current state cannot serve, e.g. a signed award for an issuer without a key. */
public class UnmetPreconditionException extends RuntimeException {

    private final String field;

    public UnmetPreconditionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
