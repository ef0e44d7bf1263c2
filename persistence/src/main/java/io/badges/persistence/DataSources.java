package io.badges.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * HikariCP pools per vendor and role. SQLite serialises writers, so a writer pool has exactly one
 * connection with IMMEDIATE transactions (a deferred transaction that reads then writes cannot wait
 * for the lock and fails with SQLITE_BUSY); readers get their own read-only connections so they never
 * take the write lock. PostgreSQL gets a sized pool, a server-side prepared statement cache and
 * batched-insert rewriting.
 */
public final class DataSources {

    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    /** Negative: KiB rather than pages (32 MiB per connection). */
    private static final int SQLITE_CACHE_KIB = -32_768;
    private static final long SQLITE_MMAP_BYTES = 1L << 30;

    private DataSources() {
    }

    public enum Role {
        /** Owns the write transactions (single connection on SQLite). */
        WRITER,
        /** Read-only connections for queries, or for tailing another process's event store. */
        READER
    }

    public record Settings(String url, String user, String password, int poolSize, String poolName) {
    }

    public static HikariDataSource create(Settings settings, Role role) {
        Vendor vendor = Vendor.fromJdbcUrl(settings.url());
        HikariConfig config = new HikariConfig();
        config.setPoolName(settings.poolName());
        // Start even when the database is not reachable yet; callers retry (event processors do).
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        if (vendor == Vendor.SQLITE) {
            configureSqlite(config, settings, role);
        } else {
            configurePostgres(config, settings, role);
        }
        return new HikariDataSource(config);
    }

    private static void configureSqlite(HikariConfig config, Settings settings, Role role) {
        createParentDirectory(settings.url());
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        // SQLite's own page cache is 2 MiB per connection by default: at a million rows most index
        // pages of a lookup miss it. A larger cache and memory-mapped reads keep them in memory.
        sqlite.setCacheSize(SQLITE_CACHE_KIB);
        sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(SQLITE_MMAP_BYTES));
        if (role == Role.WRITER) {
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

    private static void configurePostgres(HikariConfig config, Settings settings, Role role) {
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        // Flyway holds a second connection (its advisory lock) while it migrates: never fewer than 2.
        config.setMaximumPoolSize(Math.max(2, settings.poolSize()));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("prepareThreshold", "3");
        config.addDataSourceProperty("preparedStatementCacheQueries", "256");
        config.addDataSourceProperty("ApplicationName", settings.poolName());
        if (role == Role.READER) {
            config.setReadOnly(true);
        }
    }

    private static void createParentDirectory(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
        }
    }
}
