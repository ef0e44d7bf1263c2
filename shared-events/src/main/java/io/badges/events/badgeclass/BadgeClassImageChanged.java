package io.badges.events.badgeclass;

import io.badges.events.BadgeEvent;
import java.time.Instant;

/**
 * The picture a badge class is shown and baked with, uploaded to and hosted by the service (a PNG or
 * a checked SVG, at most 512 KiB; {@code image} is base64 in JSON). {@code image} null: the hosted
 * picture was removed (an https URL replaced it), so the badge class shows its URL or a generated one.
 */
public record BadgeClassImageChanged(
        int schemaVersion,
        String badgeClassId,
        String issuerId,
        String mediaType,
        byte[] image,
        String sha256,
        Instant occurredAt) implements BadgeEvent {

    public static final int SCHEMA_VERSION = 1;

    public BadgeClassImageChanged(String badgeClassId, String issuerId, String mediaType, byte[] image,
                                  String sha256, Instant occurredAt) {
        this(SCHEMA_VERSION, badgeClassId, issuerId, mediaType, image, sha256, occurredAt);
    }

    public static BadgeClassImageChanged removed(String badgeClassId, String issuerId, Instant occurredAt) {
        return new BadgeClassImageChanged(badgeClassId, issuerId, null, null, null, occurredAt);
    }

    public boolean hosted() {
        return image != null;
    }

    @Override
    public String aggregateId() {
        return badgeClassId;
    }
}
