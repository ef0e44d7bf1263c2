package io.badges.persistence;

import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

/** Axon's JDBC event store and token store on our schema, adjusted per vendor by {@link Database}. */
public final class AxonJdbc {

    private AxonJdbc() {
    }

    /**
     * Duplicate keys mean a concurrent append to the same aggregate sequence: SQLState class 23
     * (integrity constraint violation) on PostgreSQL, result code 19 (SQLITE_CONSTRAINT) on SQLite.
     * Axon then raises a ConcurrencyException instead of a generic EventStoreException.
     */
    public static PersistenceExceptionResolver duplicateKeyResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    String state = sql.getSQLState();
                    if ((state != null && state.startsWith("23")) || (sql.getErrorCode() & 0xff) == 19) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** The event store tables as our migrations create them (snake_case, not Axon's camelCase defaults). */
    public static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    public static JdbcEventStorageEngine eventStorageEngine(Database database,
                                                            ConnectionProvider connectionProvider,
                                                            TransactionManager transactionManager,
                                                            Serializer eventSerializer,
                                                            Serializer snapshotSerializer,
                                                            EventUpcaster upcaster) {
        return eventStorageEngineBuilder(database, connectionProvider, transactionManager, eventSerializer,
                snapshotSerializer, upcaster).build();
    }

    /** The event store's builder on our schema, tuned for the vendor, for an engine that extends Axon's. */
    public static JdbcEventStorageEngine.Builder eventStorageEngineBuilder(Database database,
                                                                           ConnectionProvider connectionProvider,
                                                                           TransactionManager transactionManager,
                                                                           Serializer eventSerializer,
                                                                           Serializer snapshotSerializer,
                                                                           EventUpcaster upcaster) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(EVENT_SCHEMA)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(upcaster == null ? NoOpEventUpcaster.INSTANCE : upcaster)
                .persistenceExceptionResolver(duplicateKeyResolver());
        return database.tuneEventStore(builder);
    }

    public static TokenStore tokenStore(Database database, ConnectionProvider connectionProvider,
                                        Serializer serializer, String tokenTable, String nodeId) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .nodeId(nodeId)
                .schema(TokenSchema.builder()
                        .setTokenTable(tokenTable)
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build());
        return database.tokenStore(builder);
    }

}
