package io.badges.query.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code cache} health component: UP, or DEGRADED while Redis is unreachable (reads then go to
 * the database; the service stays UP, see management.endpoint.health.status.order).
 */
@Component("cache")
class CacheHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Redis unreachable: reads go to the database");

    private final Caches caches;

    CacheHealth(Caches caches) {
        this.caches = caches;
    }

    @Override
    public Health health() {
        Map<String, Object> l1 = new LinkedHashMap<>();
        caches.all().forEach(c -> l1.put(c.name(), c.l1Size()));
        Health.Builder health = Health.up()
                .withDetail("enabled", caches.settings().enabled())
                .withDetail("l1Entries", l1);
        RedisTier redis = caches.redis();
        if (redis == null) {
            return health.withDetail("redis", "not configured").build();
        }
        health.withDetail("redisGeneration", redis.generation())
                .withDetail("redisErrors", redis.errors())
                .withDetail("invalidationChannel", redis.coherent() ? "subscribed" : "not subscribed");
        if (!redis.healthy()) {
            health.status(DEGRADED).withDetail("redisError", redis.lastError());
        }
        return health.build();
    }
}
