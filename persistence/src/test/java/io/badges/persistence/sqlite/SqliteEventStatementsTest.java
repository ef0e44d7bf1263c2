package io.badges.persistence.sqlite;

import io.badges.persistence.AxonJdbc;
import io.badges.persistence.DataSources;
import io.badges.persistence.Migrations;
import io.badges.persistence.Side;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Axon's event-store lookups on SQLite: the answers, and plans on a store of 100,000 events. */
class SqliteEventStatementsTest {

    private static final int EVENTS = 100_000;
    private static final int EVENTS_PER_AGGREGATE = 10;

    private HikariDataSource pool;

    @BeforeEach
    void commandDatabase() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "event-statements-" + System.nanoTime()));
        pool = DataSources.create(new DataSources.Settings("jdbc:sqlite:" + dir.resolve("command.db"), null, null, 1,
                "events"), DataSources.Role.WRITER);
        Migrations.migrate(pool, SqliteDatabase.INSTANCE, Side.COMMAND);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void anEmptyStoreHasNoHeadTailOrNextIndex() throws Exception {
        try (Connection c = pool.getConnection()) {
            assertThat(single(c, SqliteEventStatements.headToken(AxonJdbc.EVENT_SCHEMA))).isEmpty();
            assertThat(single(c, SqliteEventStatements.tailToken(AxonJdbc.EVENT_SCHEMA))).isEmpty();
            assertThat(single(c, SqliteEventStatements.nextIndexAfter(AxonJdbc.EVENT_SCHEMA), 0L)).isEmpty();
            assertThat(single(c, SqliteEventStatements.lastSequenceNumber(AxonJdbc.EVENT_SCHEMA), "a-1", "a-1"))
                    .isEmpty();
        }
    }

    @Test
    void answersOnAFullStore() throws Exception {
        storeEvents();
        try (Connection c = pool.getConnection()) {
            assertThat(single(c, SqliteEventStatements.headToken(AxonJdbc.EVENT_SCHEMA))).contains((long) EVENTS);
            assertThat(single(c, SqliteEventStatements.tailToken(AxonJdbc.EVENT_SCHEMA))).contains(0L);
            assertThat(single(c, SqliteEventStatements.nextIndexAfter(AxonJdbc.EVENT_SCHEMA), 500L)).contains(501L);
            assertThat(single(c, SqliteEventStatements.nextIndexAfter(AxonJdbc.EVENT_SCHEMA), (long) EVENTS)).isEmpty();
            assertThat(single(c, SqliteEventStatements.lastSequenceNumber(AxonJdbc.EVENT_SCHEMA), "a-7", "a-7"))
                    .contains((long) EVENTS_PER_AGGREGATE - 1);
            assertThat(single(c, SqliteEventStatements.tokenAt(AxonJdbc.EVENT_SCHEMA), "2026-01-01T00:00:00Z"))
                    .contains(0L);
        }
    }

    /** The hot lookups (the head twice a second per processor, the others per batch or per append). */
    @Test
    void hotLookupsSearchThePrimaryKeyOrTheAggregateIndex() throws Exception {
        storeEvents();
        try (Connection c = pool.getConnection()) {
            assertSearchesOnly(plan(c, SqliteEventStatements.headToken(AxonJdbc.EVENT_SCHEMA)));
            assertSearchesOnly(plan(c, SqliteEventStatements.tailToken(AxonJdbc.EVENT_SCHEMA)));
            assertSearchesOnly(plan(c, SqliteEventStatements.nextIndexAfter(AxonJdbc.EVENT_SCHEMA), 500L));
            List<String> lastSequence = plan(c, SqliteEventStatements.lastSequenceNumber(AxonJdbc.EVENT_SCHEMA),
                    "a-7", "a-7");
            assertSearchesOnly(lastSequence);
            assertThat(lastSequence).allMatch(line -> line.contains("(aggregate_identifier=?")
                    || line.startsWith("SCALAR SUBQUERY"));
        }
    }

    private static void assertSearchesOnly(List<String> plan) {
        assertThat(plan).anyMatch(line -> line.startsWith("SEARCH domain_event_entry"));
        assertThat(plan).noneMatch(line -> line.startsWith("SCAN"));
    }

    private void storeEvents() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT 'a-' || ((i - 1) / %d), (i - 1) %% %d, 'Assertion', 'e-' || i, x'7b7d', x'7b7d', NULL,
                           'io.badges.Event', '2026-11-22T00:00:00Z'
                    FROM n
                    """.formatted(EVENTS, EVENTS_PER_AGGREGATE, EVENTS_PER_AGGREGATE));
            s.execute("ANALYZE");
        }
    }

    private static Optional<Long> single(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = bind(c.prepareStatement(sql), parameters);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    private static List<String> plan(Connection c, String sql, Object... parameters) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement statement = bind(c.prepareStatement("EXPLAIN QUERY PLAN " + sql), parameters);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(4));
            }
        }
        return lines;
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
