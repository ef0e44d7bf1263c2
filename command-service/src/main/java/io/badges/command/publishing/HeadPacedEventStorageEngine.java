package io.badges.command.publishing;

import java.util.List;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event store whose tracked reads (the outbox publisher's) are spaced at the store's head
 * by a {@link HeadReadPacer}. Aggregate reads are untouched.
 */
public final class HeadPacedEventStorageEngine extends JdbcEventStorageEngine {

    private final HeadReadPacer pacer;

    public HeadPacedEventStorageEngine(JdbcEventStorageEngine.Builder builder, HeadReadPacer pacer) {
        super(builder);
        this.pacer = pacer;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (!pacer.awaitTurn()) {
            return List.of();  // interrupted: the reader is closing; an empty batch ends its stream
        }
        long startedAt = pacer.now();
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        pacer.read(startedAt, events.size(), batchSize);
        return events;
    }
}
