package io.badges.events.badgeclass;

import io.badges.events.BadgeEvent;
import java.time.Instant;
import java.util.List;

/** The new definition of a badge class; the issuer never changes. */
public record BadgeClassUpdated(
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

    public BadgeClassUpdated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public BadgeClassUpdated(String badgeClassId, String issuerId, String name, String description,
                             String image, Criteria criteria, List<String> tags, Instant occurredAt) {
        this(SCHEMA_VERSION, badgeClassId, issuerId, name, description, image, criteria, tags, occurredAt);
    }

    @Override
    public String aggregateId() {
        return badgeClassId;
    }
}
