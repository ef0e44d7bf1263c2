package io.badges.query.assertion;

import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import java.time.Instant;
import java.util.List;

/** An assertion with the summaries a reader needs to render it. */
public record AssertionView(String id, BadgeClassSummary badgeClass, IssuerSummary issuer, Recipient recipient,
                            List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                            String verification, boolean revoked, String revocationReason, Instant revokedAt,
                            String signature) {

    public record BadgeClassSummary(String id, String name, String image) {
    }

    public record IssuerSummary(String id, String name, String url) {
    }
}
