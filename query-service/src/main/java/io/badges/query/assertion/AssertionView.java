package io.badges.query.assertion;

import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.query.summary.BadgeClassSummary;
import io.badges.query.summary.IssuerSummary;
import java.time.Instant;
import java.util.List;

/** An assertion with the summaries a reader needs to render it. */
public record AssertionView(String id, BadgeClassSummary badgeClass, IssuerSummary issuer, Recipient recipient,
                            List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                            String verification, boolean revoked, String revocationReason, Instant revokedAt,
                            String signature) {

    AssertionView with(BadgeClassSummary badgeClass, IssuerSummary issuer) {
        return new AssertionView(id, badgeClass, issuer, recipient, evidence, narrative, issuedOn, expires,
                verification, revoked, revocationReason, revokedAt, signature);
    }
}
