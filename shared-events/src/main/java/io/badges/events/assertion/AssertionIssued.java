package io.badges.events.assertion;

import io.badges.events.BadgeEvent;
import java.time.Instant;
import java.util.List;

public record AssertionIssued(
        int schemaVersion,
        String assertionId,
        String badgeClassId,
        String issuerId,
        Recipient recipient,
        List<Evidence> evidence,
        String narrative,
        Instant issuedOn,
        Instant expires,
        String verificationType,
        Instant occurredAt) implements BadgeEvent {

    public static final int SCHEMA_VERSION = 1;

    public AssertionIssued {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public AssertionIssued(String assertionId, String badgeClassId, String issuerId, Recipient recipient,
                           List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                           String verificationType) {
        this(SCHEMA_VERSION, assertionId, badgeClassId, issuerId, recipient, evidence, narrative,
             issuedOn, expires, verificationType, issuedOn);
    }

    @Override
    public String aggregateId() {
        return assertionId;
    }
}
