package io.badges.query.verification;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of every verification route. {@code valid} holds when every check passed (the
 * recipient check counts only when a recipient was given). {@code baked}: true when the credential
 * was read from a badge image, null (left out of the JSON) otherwise.
 */
public record VerificationResult(boolean valid, boolean revoked, boolean expired, Boolean recipientMatches,
                                 List<Check> checks, String format, Boolean baked, Issuer issuer,
                                 Achievement achievement) {

    /** Who the credential names as its issuer (OB 3.0 only; null otherwise). */
    public record Issuer(String id, String name) {
    }

    /** What the credential names as its achievement (OB 3.0 only; null otherwise). */
    public record Achievement(String name) {
    }

    VerificationResult(boolean valid, boolean revoked, boolean expired, Boolean recipientMatches, List<Check> checks,
                       String format, Boolean baked) {
        this(valid, revoked, expired, recipientMatches, checks, format, baked, null, null);
    }

    /** This result, for a credential that was baked into the image presented. */
    VerificationResult fromImage() {
        return new VerificationResult(valid, revoked, expired, recipientMatches, checks, format, true, issuer,
                achievement);
    }

    /** Collects checks while a verification runs. */
    static final class Builder {

        private final List<Check> checks = new ArrayList<>();
        private boolean revoked;
        private boolean expired;
        private Boolean recipientMatches;
        private Issuer issuer;
        private Achievement achievement;

        Builder issuer(Issuer value) {
            issuer = value;
            return this;
        }

        Builder achievement(Achievement value) {
            achievement = value;
            return this;
        }

        boolean check(String name, boolean passed, String detail) {
            checks.add(new Check(name, passed, detail));
            return passed;
        }

        Builder revoked(boolean value) {
            revoked = value;
            return this;
        }

        Builder expired(boolean value) {
            expired = value;
            return this;
        }

        Builder recipientMatches(Boolean value) {
            recipientMatches = value;
            return this;
        }

        VerificationResult build(String format) {
            boolean valid = checks.stream().allMatch(Check::passed);
            return new VerificationResult(valid, revoked, expired, recipientMatches, List.copyOf(checks), format, null,
                    issuer, achievement);
        }
    }
}
