package io.badges.persistence.sqlite;

import java.sql.PreparedStatement;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's aggregate queries ({@code min}/{@code max} over no rows) return a NULL row that sqlite-jdbc
 * refuses to read as a Long. Each statement here returns no row instead, which Axon reads as "no such
 * index": it selects the row whose key equals the aggregate, computed in a scalar subquery.
 *
 * <p>Not {@code HAVING max(...) IS NOT NULL}, the earlier form: a HAVING clause turns off SQLite's
 * min/max optimisation, so the head token (asked for twice a second by the projection's lag gauge)
 * scanned the whole event store, 68 ms at a million events. The subquery keeps both lookups on the
 * primary key ({@code SqliteEventStatementsTest} checks the plans).
 */
final class SqliteEventStatements {

    private SqliteEventStatements() {
    }

    static JdbcEventStorageEngine.Builder apply(JdbcEventStorageEngine.Builder builder) {
        return builder
                .createTailToken((connection, schema) -> connection.prepareStatement(tailToken(schema)))
                .createHeadToken((connection, schema) -> connection.prepareStatement(headToken(schema)))
                .createTokenAt((connection, schema, dateTime) -> {
                    PreparedStatement statement = connection.prepareStatement(tokenAt(schema));
                    statement.setString(1, DateTimeUtils.formatInstant(dateTime));
                    return statement;
                })
                .lastSequenceNumberFor((connection, schema, aggregateIdentifier) -> {
                    PreparedStatement statement = connection.prepareStatement(lastSequenceNumber(schema));
                    statement.setString(1, aggregateIdentifier);
                    statement.setString(2, aggregateIdentifier);
                    return statement;
                })
                .fetchTrackedEvents((connection, schema, index) -> {
                    PreparedStatement statement = connection.prepareStatement(nextIndexAfter(schema));
                    statement.setLong(1, index);
                    return statement;
                });
    }

    /** The index before the first event. */
    static String tailToken(EventSchema schema) {
        return atIndex(schema, schema.globalIndexColumn() + " - 1", "min", "");
    }

    /** The last event's index. */
    static String headToken(EventSchema schema) {
        return atIndex(schema, schema.globalIndexColumn(), "max", "");
    }

    /** The index before the first event stored at or after a time (no index on the time: a reset, not a hot path). */
    static String tokenAt(EventSchema schema) {
        return atIndex(schema, schema.globalIndexColumn() + " - 1", "min", " WHERE " + schema.timestampColumn() + " >= ?");
    }

    /** The first event's index after a given one (Axon's look past a gap). */
    static String nextIndexAfter(EventSchema schema) {
        return atIndex(schema, schema.globalIndexColumn(), "min", " WHERE " + schema.globalIndexColumn() + " > ?");
    }

    static String lastSequenceNumber(EventSchema schema) {
        String table = schema.domainEventTable();
        String sequence = schema.sequenceNumberColumn();
        String aggregate = schema.aggregateIdentifierColumn();
        return "SELECT " + sequence + " FROM " + table + " WHERE " + aggregate + " = ? AND " + sequence
                + " = (SELECT max(" + sequence + ") FROM " + table + " WHERE " + aggregate + " = ?)";
    }

    private static String atIndex(EventSchema schema, String select, String aggregate, String where) {
        String table = schema.domainEventTable();
        String index = schema.globalIndexColumn();
        return "SELECT " + select + " FROM " + table + " WHERE " + index
                + " = (SELECT " + aggregate + "(" + index + ") FROM " + table + where + ")";
    }
}
