package io.badges.command.web;

/** A well-formed request that breaks a business rule, e.g. an expiry before the issue date: 400 with the field. */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
