package io.badges.query.assertion;

import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.query.summary.BadgeClassSummary;
import io.badges.query.summary.IssuerSummary;
import java.time.Instant;
import java.util.List;

/**
 * An assertion with the summaries a reader needs to render it. {@code format}: {@code ob2} or
 * {@code ob3}; {@code credentialUrl}: where an OB 3.0 award's signed credential is served (null, so
 * absent from the JSON, for OB 2.0).
 */
public record AssertionView(String id, BadgeClassSummary badgeClass, IssuerSummary issuer, Recipient recipient,
                            List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                            String verification, boolean revoked, String revocationReason, Instant revokedAt,
                            String signature, String format, String credentialUrl) {

    AssertionView with(BadgeClassSummary badgeClass, IssuerSummary issuer) {
        return new AssertionView(id, badgeClass, issuer, recipient, evidence, narrative, issuedOn, expires,
                verification, revoked, revocationReason, revokedAt, signature, format, credentialUrl);
    }
}
