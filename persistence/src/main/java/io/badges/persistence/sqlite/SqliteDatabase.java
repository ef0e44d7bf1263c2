package io.badges.persistence.sqlite;

import com.zaxxer.hikari.HikariConfig;
import io.badges.persistence.BackupManifest;
import io.badges.persistence.DataSources;
import io.badges.persistence.Database;
import io.badges.persistence.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite files, the embedded default. SQLite serialises writers, so a writer pool has exactly one
 * connection with IMMEDIATE transactions (a deferred transaction that reads then writes cannot wait
 * for the lock and fails with SQLITE_BUSY); readers get their own read-only connections so they never
 * take the write lock. Instants are fixed-width ISO text, so that text order is time order.
 */
public final class SqliteDatabase implements Database {

    public static final String URL_PREFIX = "jdbc:sqlite:";
    public static final SqliteDatabase INSTANCE = new SqliteDatabase();

    private static final int BUSY_TIMEOUT_MS = 10_000;
    /** Negative: KiB rather than pages (32 MiB per connection). */
    private static final int CACHE_KIB = -32_768;
    private static final long MMAP_BYTES = 1L << 30;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String BACKUP_FILE = "database.db";

    private SqliteDatabase() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Object bindInstant(Instant instant) {
        return instant == null ? null : TIME.format(Database.truncate(instant));
    }

    @Override
    public Instant readInstant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }

    @Override
    public Map<String, String> typePlaceholders() {
        return Map.of("bytes", "BLOB", "timestamp", "TEXT");
    }

    @Override
    public String defaultQueryUrl(String commandUrl, Path dataDir) {
        return Database.embeddedUrl(dataDir, "query");
    }

    @Override
    public void configurePool(HikariConfig config, DataSources.Settings settings, DataSources.Role role) {
        file(settings.url()).ifPresent(SqliteDatabase::createParentDirectory);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        // SQLite's own page cache is 2 MiB per connection by default: at a million rows most index
        // pages of a lookup miss it. A larger cache and memory-mapped reads keep them in memory.
        sqlite.setCacheSize(CACHE_KIB);
        sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_BYTES));
        if (role == DataSources.Role.WRITER) {
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.enforceForeignKeys(true);
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setMaximumPoolSize(1);
        } else {
            sqlite.setReadOnly(true);
            // Hikari sets the flag on every new connection; it must match the open mode or sqlite-jdbc refuses.
            config.setReadOnly(true);
            config.setMaximumPoolSize(Math.max(1, settings.poolSize()));
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(settings.url());
        config.setDataSource(dataSource);
        config.setMinimumIdle(1);
    }

    /**
     * Nothing to add: the writer pool has one connection, and SQLite lets one writer migrate a file
     * at a time (the other waits out the busy timeout, then finds the schema up to date).
     */
    @Override
    public <T> T migrateAlone(DataSource dataSource, Side side, Supplier<T> migration) {
        return migration.get();
    }

    @Override
    public JdbcEventStorageEngine.Builder tuneEventStore(JdbcEventStorageEngine.Builder builder) {
        return SqliteEventStatements.apply(builder);
    }

    @Override
    public TokenStore tokenStore(JdbcTokenStore.Builder builder) {
        return new SqliteTokenStore(builder);
    }

    /** {@code VACUUM INTO} writes a transactionally consistent copy while the service runs. */
    @Override
    public Map<String, Long> backup(DataSource db, Path dir) {
        Path file = dir.resolve(BACKUP_FILE);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            Files.createDirectories(dir);
            Files.deleteIfExists(file);
            s.execute("VACUUM INTO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
            BackupManifest manifest = BackupManifest.of(name());
            manifest.set("file", BACKUP_FILE);
            manifest.write(dir);
            return Map.of(BACKUP_FILE, Files.size(file));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("backup into " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Puts the file back in place of the database file of {@code target} (the services stopped). */
    @Override
    public Map<String, Long> restore(Path dir, DataSources.Settings target) {
        Path source = dir.resolve(BackupManifest.read(dir).get("file"));
        Path destination = file(target.url())
                .orElseThrow(() -> new IllegalArgumentException("not a database file: " + target.url()));
        try {
            createParentDirectory(destination);
            for (String suffix : List.of("-wal", "-shm")) {
                Files.deleteIfExists(Path.of(destination + suffix));
            }
            Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
            return Map.of(destination.getFileName().toString(), Files.size(destination));
        } catch (IOException e) {
            throw new IllegalStateException("restore from " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** The database file a URL names; none for in-memory and {@code file:} URI forms. */
    static java.util.Optional<Path> file(String url) {
        String file = url.substring(URL_PREFIX.length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(file));
    }

    private static void createParentDirectory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
        }
    }
}
