package io.badges.query.page;

import io.badges.query.verification.VerificationResult;

/** A verification's outcome in the words a person reads, and the style class that colours it. */
public enum Verdict {

    VALID("Valid", "Every check passed: this badge was issued by the issuer named here and has not been revoked.", "ok"),
    REVOKED("Revoked", "The issuer has revoked this badge: it is no longer valid.", "bad"),
    EXPIRED("Expired", "This badge has expired: it was valid until its expiry date.", "bad"),
    NOT_VALID("Not valid", "At least one check failed: see the checks below.", "bad");

    private final String word;
    private final String sentence;
    private final String style;

    Verdict(String word, String sentence, String style) {
        this.word = word;
        this.sentence = sentence;
        this.style = style;
    }

    public String word() {
        return word;
    }

    public String sentence() {
        return sentence;
    }

    public String style() {
        return style;
    }

    static Verdict of(VerificationResult result) {
        if (result.revoked()) {
            return REVOKED;
        }
        if (result.expired()) {
            return EXPIRED;
        }
        return result.valid() ? VALID : NOT_VALID;
    }
}
