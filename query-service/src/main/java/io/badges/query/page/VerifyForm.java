package io.badges.query.page;

/** What the verify form shows filled in again after a submission: the URL, pasted text and recipient. */
public record VerifyForm(String url, String text, String recipient, String error) {

    static final VerifyForm EMPTY = new VerifyForm("", "", "", null);
}
