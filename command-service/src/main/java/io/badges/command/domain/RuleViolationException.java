package io.badges.command.domain;

/** A request that breaks a business rule, e.g. an expiry before the issue date; names the field at fault. */
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
