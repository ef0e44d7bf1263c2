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
        Instant occurredAt,
        String signature,
        String recipientLookup) implements BadgeEvent {

    /**
     * Version 2 added {@code signature}, the compact JWS of a signed award (absent for hosted ones);
     * version 3 added {@code recipientLookup} ({@link RecipientLookup}).
     */
    public static final int SCHEMA_VERSION = 3;

    public AssertionIssued {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public AssertionIssued(String assertionId, String badgeClassId, String issuerId, Recipient recipient,
                           List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                           String verificationType) {
        this(assertionId, badgeClassId, issuerId, recipient, evidence, narrative, issuedOn, expires,
             verificationType, null, null);
    }

    public AssertionIssued(String assertionId, String badgeClassId, String issuerId, Recipient recipient,
                           List<Evidence> evidence, String narrative, Instant issuedOn, Instant expires,
                           String verificationType, String signature, String recipientLookup) {
        this(SCHEMA_VERSION, assertionId, badgeClassId, issuerId, recipient, evidence, narrative,
             issuedOn, expires, verificationType, issuedOn, signature, recipientLookup);
    }

    @Override
    public String aggregateId() {
        return assertionId;
    }
}
