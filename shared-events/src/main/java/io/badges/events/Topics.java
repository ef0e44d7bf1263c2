package io.badges.events;

/**
 * Kafka topics of the event contract. Every event goes to {@link #EVENTS}, keyed by its aggregate
 * id, so the events of one issuer, badge class or assertion stay in order on one partition.
 */
public final class Topics {

    /** All badge events, JSON values, version 1 of the topic layout. */
    public static final String EVENTS = "badges.events.v1";

    /** Partitions the services create the topic with when it is missing. */
    public static final int DEFAULT_PARTITIONS = 4;

    private Topics() {
    }
}
