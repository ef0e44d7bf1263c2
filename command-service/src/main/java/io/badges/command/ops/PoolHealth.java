package io.badges.command.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.PoolStats;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code pools} health component: every connection pool's size and use; DOWN if one is closed. */
@Component("pools")
class PoolHealth implements HealthIndicator {

    private final Map<String, HikariDataSource> pools;

    PoolHealth(Map<String, DataSource> dataSources) {
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
