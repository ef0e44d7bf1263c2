package io.badges.events.issuer;

import io.badges.events.BadgeEvent;
import java.time.Instant;

/**
 * The issuer published a new RS256 verification key. Only the public half travels; the private key
 * never leaves the command side. Older keys stay published (rotation).
 */
public record IssuerKeyAdded(
        int schemaVersion,
        String issuerId,
        String keyId,
        String publicKeyPem,
        Instant occurredAt) implements BadgeEvent {

    public static final int SCHEMA_VERSION = 1;

    public IssuerKeyAdded(String issuerId, String keyId, String publicKeyPem, Instant occurredAt) {
        this(SCHEMA_VERSION, issuerId, keyId, publicKeyPem, occurredAt);
    }

    @Override
    public String aggregateId() {
        return issuerId;
    }
}
