package io.badges.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * HikariCP pools per role; what each vendor sets on them is its {@link Database#configurePool}.
 */
public final class DataSources {

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
        HikariConfig config = new HikariConfig();
        config.setPoolName(settings.poolName());
        // Start even when the database is not reachable yet; callers retry (event processors do).
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        Database.forUrl(settings.url()).configurePool(config, settings, role);
        return new HikariDataSource(config);
    }
}
