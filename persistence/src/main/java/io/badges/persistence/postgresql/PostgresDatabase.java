package io.badges.persistence.postgresql;

import com.zaxxer.hikari.HikariConfig;
import io.badges.persistence.DataSources;
import io.badges.persistence.Database;
import io.badges.persistence.Side;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * PostgreSQL: a sized pool with a server-side prepared statement cache and batched-insert rewriting;
 * Axon's own statements as they are; instants as {@code timestamptz}.
 */
public final class PostgresDatabase implements Database {

    /** Advisory lock keys of the migrations ("badges" in ASCII, then the side). */
    private static final long MIGRATION_LOCK_BASE = 0x6261646765730000L;

    public static final String URL_PREFIX = "jdbc:postgresql:";
    public static final PostgresDatabase INSTANCE = new PostgresDatabase();

    private PostgresDatabase() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Object bindInstant(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(Database.truncate(instant), ZoneOffset.UTC);
    }

    @Override
    public Instant readInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return Instant.parse(value.toString());
    }

    @Override
    public Map<String, String> typePlaceholders() {
        return Map.of("bytes", "BYTEA", "timestamp", "TIMESTAMPTZ");
    }

    @Override
    public String defaultQueryUrl(String commandUrl, Path dataDir) {
        return commandUrl;
    }

    @Override
    public void configurePool(HikariConfig config, DataSources.Settings settings, DataSources.Role role) {
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        // Migrating holds three connections: our migration lock, Flyway's and Flyway's own advisory lock.
        config.setMaximumPoolSize(Math.max(3, settings.poolSize()));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("prepareThreshold", "3");
        config.addDataSourceProperty("preparedStatementCacheQueries", "256");
        config.addDataSourceProperty("ApplicationName", settings.poolName());
        if (role == DataSources.Role.READER) {
            config.setReadOnly(true);
        }
    }

    /**
     * A session-level advisory lock, one key per side, held on its own connection while Flyway runs:
     * a second instance waits for the first to finish and then finds the schema up to date. The lock
     * goes with the session if the holder dies.
     */
    @Override
    public <T> T migrateAlone(DataSource dataSource, Side side, Supplier<T> migration) {
        long key = MIGRATION_LOCK_BASE + side.ordinal();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            try (PreparedStatement acquire = lock.prepareStatement("SELECT pg_advisory_lock(?)")) {
                acquire.setLong(1, key);
                acquire.execute();
            }
            try {
                return migration.get();
            } finally {
                try (PreparedStatement release = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    release.setLong(1, key);
                    release.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("migration lock for the " + side.folder() + " side", e);
        }
    }

    @Override
    public JdbcEventStorageEngine.Builder tuneEventStore(JdbcEventStorageEngine.Builder builder) {
        return builder;
    }

    @Override
    public TokenStore tokenStore(JdbcTokenStore.Builder builder) {
        return builder.build();
    }

    @Override
    public Map<String, Long> backup(DataSource db, Path dir) {
        return PostgresBackup.backup(db, dir);
    }

    @Override
    public Map<String, Long> restore(Path dir, DataSources.Settings target) {
        return PostgresBackup.restore(dir, target);
    }
}
