package io.badges.events.badgeclass;

import io.badges.events.BadgeEvent;
import java.time.Instant;
import java.util.List;

public record BadgeClassDefined(
        int schemaVersion,
        String badgeClassId,
        String issuerId,
        String name,
        String description,
        String image,
        Criteria criteria,
        List<String> tags,
        Instant occurredAt) implements BadgeEvent {

    public static final int SCHEMA_VERSION = 1;

    public BadgeClassDefined {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public BadgeClassDefined(String badgeClassId, String issuerId, String name, String description,
                             String image, Criteria criteria, List<String> tags, Instant occurredAt) {
        this(SCHEMA_VERSION, badgeClassId, issuerId, name, description, image, criteria, tags, occurredAt);
    }

    @Override
    public String aggregateId() {
        return badgeClassId;
    }
}
