package io.badges.persistence;

import com.zaxxer.hikari.HikariConfig;
import io.badges.persistence.postgresql.PostgresDatabase;
import io.badges.persistence.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Everything that differs between the databases the service runs on, as one implementation per
 * vendor ({@code sqlite/}, {@code postgresql/}), chosen once from the JDBC URL by {@link #forUrl}.
 * Our own SQL (upsert with ON CONFLICT, keyset comparisons) is written once for both; what remains
 * is here: pool settings per role, how an instant is bound and read back, Axon's event-store and
 * token-store statements, where the migrations live, backup and restore, and default URLs.
 */
public interface Database {

    static Database forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith(SqliteDatabase.URL_PREFIX)) {
            return SqliteDatabase.INSTANCE;
        }
        if (jdbcUrl.startsWith(PostgresDatabase.URL_PREFIX)) {
            return PostgresDatabase.INSTANCE;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:sqlite: or jdbc:postgresql:)");
    }

    /** The database the embedded default keeps as the file {@code <name>.db} in the data directory. */
    static String embeddedUrl(Path dataDir, String name) {
        return SqliteDatabase.URL_PREFIX + dataDir.resolve(name + ".db");
    }

    /** Both databases keep microseconds; truncating on the way in makes round trips exact. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The vendor's name, as in logs, backup manifests and migration folders. */
    String name();

    Object bindInstant(Instant instant);

    /** Reads what {@link java.sql.ResultSet#getObject(int)} returned for a time column. */
    Instant readInstant(Object value);

    /** Flyway location of one side's migrations, e.g. {@code classpath:db/migration/query/sqlite}. */
    default String migrations(Side side) {
        return "classpath:db/migration/" + side.folder() + "/" + name();
    }

    /**
     * Runs one side's migrations so that instances starting together on one database take turns.
     * Flyway alone is not safe there: on a new database, an instance that finds the history table
     * another has just created (still empty) tries to baseline it and fails.
     */
    <T> T migrateAlone(DataSource dataSource, Side side, Supplier<T> migration);

    /** Flyway location of one side's migrations written once for both vendors. */
    static String commonMigrations(Side side) {
        return "classpath:db/migration/" + side.folder() + "/common";
    }

    /**
     * The column types the common migrations name as placeholders: {@code ${bytes}} (binary),
     * {@code ${timestamp}} (an instant, bound by {@link #bindInstant}).
     */
    Map<String, String> typePlaceholders();

    /**
     * Where the read tables live when no query database is configured: beside the command database
     * (its own file on SQLite, whose single writer the two sides would otherwise share; the same
     * database on PostgreSQL, where each side keeps its own tables and history).
     */
    String defaultQueryUrl(String commandUrl, Path dataDir);

    /** Sets the pool up for one role: connection source, size, driver settings. */
    void configurePool(HikariConfig config, DataSources.Settings settings, DataSources.Role role);

    /** Axon's JDBC event store, with whatever statements this database needs in place of Axon's own. */
    JdbcEventStorageEngine.Builder tuneEventStore(JdbcEventStorageEngine.Builder builder);

    TokenStore tokenStore(JdbcTokenStore.Builder builder);

    /** Writes a consistent online backup of {@code db} into the new directory {@code dir}; what it holds. */
    Map<String, Long> backup(DataSource db, Path dir);

    /**
     * Restores the backup in {@code dir} into the database of {@code target}, which must hold none of
     * its rows yet (SQLite: the services stopped). What was restored.
     */
    Map<String, Long> restore(Path dir, DataSources.Settings target);
}
