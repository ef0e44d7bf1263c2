package io.badges.query.summary;

/** What a badge class or an assertion shows of its issuer; name and url are null until it is projected. */
public record IssuerSummary(String id, String name, String url) {
}
