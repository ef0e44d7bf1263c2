package io.badges.query.deadletter;

import java.time.Instant;

/** A parked event as an operator sees it (the serialised payload stays in the table). */
public record DeadLetter(String eventId, String aggregateType, String aggregateId, Long sequenceNumber,
                         String payloadType, Instant occurredAt, Instant parkedAt, int attempts, String cause) {
}
