package io.badges.query.page;

import io.badges.query.verification.VerificationResult;

/**
 * The verification page: the form, and once something was verified its result in words.
 * {@code result} null: nothing verified yet (or the input was refused: {@code form.error()}).
 * {@code rawJsonLink}: a GET that answers the same verification as JSON (URL verifications);
 * {@code rawJson}: the JSON itself, shown on the page, for what was pasted or uploaded.
 */
public record VerifyPage(Head head, VerifyForm form, VerificationResult result, Verdict verdict, String source,
                         String rawJsonLink, String rawJson) {
}
