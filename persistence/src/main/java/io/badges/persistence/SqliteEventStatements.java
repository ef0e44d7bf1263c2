package io.badges.persistence;

import java.sql.PreparedStatement;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's aggregate queries ({@code min}/{@code max} over no rows) return a NULL row that sqlite-jdbc
 * refuses to read as a Long. The same statements with {@code HAVING ... IS NOT NULL} return no row
 * instead, which Axon reads as "no such index".
 */
final class SqliteEventStatements {

    private SqliteEventStatements() {
    }

    static JdbcEventStorageEngine.Builder apply(JdbcEventStorageEngine.Builder builder) {
        return builder
                .createTailToken((connection, schema) -> connection.prepareStatement(
                        "SELECT min(" + schema.globalIndexColumn() + ") - 1 FROM " + schema.domainEventTable()
                                + " HAVING min(" + schema.globalIndexColumn() + ") IS NOT NULL"))
                .createHeadToken((connection, schema) -> connection.prepareStatement(
                        "SELECT max(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
                                + " HAVING max(" + schema.globalIndexColumn() + ") IS NOT NULL"))
                .createTokenAt((connection, schema, dateTime) -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT min(" + schema.globalIndexColumn() + ") - 1 FROM " + schema.domainEventTable()
                                    + " WHERE " + schema.timestampColumn() + " >= ?"
                                    + " HAVING min(" + schema.globalIndexColumn() + ") IS NOT NULL");
                    statement.setString(1, DateTimeUtils.formatInstant(dateTime));
                    return statement;
                })
                .lastSequenceNumberFor((connection, schema, aggregateIdentifier) -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT max(" + schema.sequenceNumberColumn() + ") FROM " + schema.domainEventTable()
                                    + " WHERE " + schema.aggregateIdentifierColumn() + " = ?"
                                    + " HAVING max(" + schema.sequenceNumberColumn() + ") IS NOT NULL");
                    statement.setString(1, aggregateIdentifier);
                    return statement;
                })
                .fetchTrackedEvents((connection, schema, index) -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT min(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
                                    + " WHERE " + schema.globalIndexColumn() + " > ?"
                                    + " HAVING min(" + schema.globalIndexColumn() + ") IS NOT NULL");
                    statement.setLong(1, index);
                    return statement;
                });
    }
}
