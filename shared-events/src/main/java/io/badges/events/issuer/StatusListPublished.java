package io.badges.events.issuer;

import io.badges.events.BadgeEvent;
import java.time.Instant;

/**
 * The issuer (re)signed one of its W3C Bitstring Status Lists: {@code credential} is the
 * BitstringStatusListCredential JSON-LD text with its eddsa-rdfc-2022 proof, exactly as served at its
 * {@code id}. Published when the list is first needed and again after revocations (batched: many
 * revocations, one signature). {@code version} increases per list; a reader keeps the highest.
 */
public record StatusListPublished(
        int schemaVersion,
        String issuerId,
        String listId,
        long version,
        String credential,
        Instant occurredAt) implements BadgeEvent {

    public static final int SCHEMA_VERSION = 1;

    public StatusListPublished(String issuerId, String listId, long version, String credential, Instant occurredAt) {
        this(SCHEMA_VERSION, issuerId, listId, version, credential, occurredAt);
    }

    @Override
    public String aggregateId() {
        return issuerId;
    }
}
