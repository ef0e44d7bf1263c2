package io.badges.events;

import java.time.Instant;

/**
 * A fact recorded by the command side. Every event names the aggregate it belongs to (the Kafka key
 * and the ordering unit) and the schema version of its own shape. Changes to a record are additive;
 * a breaking change gets a new version and an upcaster.
 */
public interface BadgeEvent {

    int schemaVersion();

    String aggregateId();

    Instant occurredAt();
}
