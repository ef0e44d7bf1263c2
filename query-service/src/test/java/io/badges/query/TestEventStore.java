package io.badges.query;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.events.BadgeEvent;
import io.badges.persistence.AxonJdbc;
import io.badges.persistence.DataSources;
import io.badges.persistence.Database;
import io.badges.persistence.Migrations;
import io.badges.persistence.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * A command-side event store (migrated with the command migrations) that tests append events to,
 * as the command service would, for the query service under test to tail.
 */
public final class TestEventStore implements AutoCloseable {

    private final HikariDataSource database;
    private final JdbcEventStorageEngine engine;
    private final Map<String, Long> sequences = new HashMap<>();

    public TestEventStore(DataSources.Settings settings, Serializer serializer) {
        Database vendor = Database.forUrl(settings.url());
        this.database = DataSources.create(settings, DataSources.Role.WRITER);
        Migrations.migrate(database, vendor, Side.COMMAND);
        this.engine = AxonJdbc.eventStorageEngine(vendor, new DataSourceConnectionProvider(database),
                NoTransactionManager.INSTANCE, serializer, serializer, null);
    }

    /** Appends the events in one batch, each with the next sequence number of its aggregate. */
    public void append(BadgeEvent... events) {
        List<GenericDomainEventMessage<BadgeEvent>> messages = new ArrayList<>();
        for (BadgeEvent event : events) {
            long seq = sequences.merge(event.aggregateId(), 0L, (old, ignored) -> old + 1);
            messages.add(new GenericDomainEventMessage<>(event.getClass().getSimpleName(), event.aggregateId(), seq,
                    event));
        }
        engine.appendEvents(messages);
    }

    public HikariDataSource database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
