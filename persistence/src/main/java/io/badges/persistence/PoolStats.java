package io.badges.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** What the deep health detail shows of a connection pool. */
public final class PoolStats {

    private PoolStats() {
    }

    /** The Hikari pool behind a (possibly proxied) DataSource, or null. */
    public static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Every pool among {@code dataSources} by bean name. */
    public static Map<String, HikariDataSource> pools(Map<String, DataSource> dataSources) {
        Map<String, HikariDataSource> pools = new LinkedHashMap<>();
        dataSources.forEach((name, ds) -> {
            HikariDataSource pool = hikari(ds);
            if (pool != null) {
                pools.put(name, pool);
            }
        });
        return pools;
    }

    public static Map<String, Object> of(HikariDataSource pool) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("pool", pool.getPoolName());
        stats.put("maximum", pool.getMaximumPoolSize());
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean != null) {
            stats.put("active", bean.getActiveConnections());
            stats.put("idle", bean.getIdleConnections());
            stats.put("total", bean.getTotalConnections());
            stats.put("waiting", bean.getThreadsAwaitingConnection());
        }
        return stats;
    }
}
