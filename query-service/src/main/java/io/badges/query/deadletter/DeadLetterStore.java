package io.badges.query.deadletter;

import io.badges.persistence.Database;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dead_letter table: parked events, written in the processor's transaction like any projection. */
@Component
class DeadLetterStore {

    /** A parked event as stored: enough to rebuild the message exactly. */
    record Stored(String eventId, String aggregateType, String aggregateId, Long sequenceNumber, String payloadType,
                  String payloadRevision, byte[] payload, byte[] metadata, Instant occurredAt) {
    }

    private final JdbcClient writes;
    private final Database database;
    private final Serializer serializer;

    DeadLetterStore(JdbcClient writes, Database database, @Qualifier("eventSerializer") Serializer serializer) {
        this.writes = writes;
        this.database = database;
        this.serializer = serializer;
    }

    /** Parks {@code event} as the event store serialised it (no need to deserialise a poison payload). */
    void park(EventMessage<?> event, int attempts, String cause, Instant now) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        writes.sql("""
                INSERT INTO dead_letter (event_id, aggregate_type, aggregate_id, sequence_number, payload_type,
                                         payload_revision, payload, metadata, occurred_at, parked_at, attempts, cause)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .params(event.getIdentifier(), domain == null ? null : domain.getType(),
                        domain == null ? null : domain.getAggregateIdentifier(),
                        domain == null ? null : domain.getSequenceNumber(), payload.getType().getName(),
                        payload.getType().getRevision(), payload.getData(), metadata.getData(),
                        database.bindInstant(event.getTimestamp()), database.bindInstant(now), attempts,
                        cause.length() > 1000 ? cause.substring(0, 1000) : cause)
                .update();
    }

    List<DeadLetter> list() {
        return writes.sql("""
                SELECT event_id, aggregate_type, aggregate_id, sequence_number, payload_type, occurred_at, parked_at,
                       attempts, cause
                FROM dead_letter ORDER BY parked_at, aggregate_id, sequence_number
                """)
                .query((rs, i) -> new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5),
                        database.readInstant(rs.getObject(6)), database.readInstant(rs.getObject(7)), rs.getInt(8),
                        rs.getString(9)))
                .list();
    }

    /** The parked events of an aggregate, in their order; of one event when it has no aggregate. */
    List<Stored> parkedWith(String eventId) {
        return writes.sql("""
                SELECT event_id, aggregate_type, aggregate_id, sequence_number, payload_type, payload_revision,
                       payload, metadata, occurred_at
                FROM dead_letter
                WHERE event_id = ?
                   OR aggregate_id = (SELECT aggregate_id FROM dead_letter WHERE event_id = ?)
                ORDER BY sequence_number
                """)
                .params(eventId, eventId)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getBytes(7), rs.getBytes(8), database.readInstant(rs.getObject(9))))
                .list();
    }

    /** Every parked aggregate and event id, to know at start what is parked. */
    List<String[]> keys() {
        return writes.sql("SELECT event_id, aggregate_id FROM dead_letter")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
    }

    void delete(String eventId) {
        writes.sql("DELETE FROM dead_letter WHERE event_id = ?").params(eventId).update();
    }
}
