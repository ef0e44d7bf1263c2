package io.badges.query.verification;

/** One named step of a verification and its outcome. */
public record Check(String name, boolean passed, String detail) {
}
