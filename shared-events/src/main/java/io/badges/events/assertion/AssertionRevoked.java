package io.badges.events.assertion;

import io.badges.events.BadgeEvent;
import java.time.Instant;

public record AssertionRevoked(
        int schemaVersion,
        String assertionId,
        String badgeClassId,
        String reason,
        Instant occurredAt) implements BadgeEvent {

    public static final int SCHEMA_VERSION = 1;

    public AssertionRevoked(String assertionId, String badgeClassId, String reason, Instant occurredAt) {
        this(SCHEMA_VERSION, assertionId, badgeClassId, reason, occurredAt);
    }

    @Override
    public String aggregateId() {
        return assertionId;
    }
}
