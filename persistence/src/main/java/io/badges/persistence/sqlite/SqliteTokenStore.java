package io.badges.persistence.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;

/**
 * SQLite has no {@code SELECT ... FOR UPDATE}; it needs none, since the single writer connection
 * in an IMMEDIATE transaction already holds the database's write lock.
 */
final class SqliteTokenStore extends JdbcTokenStore {

    SqliteTokenStore(Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement selectForUpdate(Connection connection, String processorName, int segment)
            throws SQLException {
        return select(connection, processorName, segment, false);
    }
}
