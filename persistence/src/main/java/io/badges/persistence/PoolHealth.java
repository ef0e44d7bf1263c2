package io.badges.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code pools} health component of both services: every pool's size and use; DOWN if one is closed. */
public final class PoolHealth implements HealthIndicator {

    private final Map<String, HikariDataSource> pools;

    public PoolHealth(Map<String, DataSource> dataSources) {
        this.pools = PoolStats.pools(dataSources);
    }

    @Override
    public Health health() {
        Health.Builder health = pools.values().stream().anyMatch(HikariDataSource::isClosed) ? Health.down()
                : Health.up();
        pools.forEach((name, pool) -> health.withDetail(name, PoolStats.of(pool)));
        return health.build();
    }
}
