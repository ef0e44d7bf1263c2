package io.badges.events.issuer;

import io.badges.events.BadgeEvent;
import java.time.Instant;

public record IssuerRegistered(
        int schemaVersion,
        String issuerId,
        String name,
        String url,
        String email,
        String description,
        String image,
        Instant occurredAt) implements BadgeEvent {

    public static final int SCHEMA_VERSION = 1;

    public IssuerRegistered(String issuerId, String name, String url, String email,
                            String description, String image, Instant occurredAt) {
        this(SCHEMA_VERSION, issuerId, name, url, email, description, image, occurredAt);
    }

    @Override
    public String aggregateId() {
        return issuerId;
    }
}
