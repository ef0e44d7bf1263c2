package io.badges.query.verification;

/** A document could not (or may not) be loaded; the message says why, for the check's detail. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }
}
