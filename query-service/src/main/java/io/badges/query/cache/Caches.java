package io.badges.query.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.badges.query.config.QueryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Creates the read caches and routes invalidations to them, both this instance's own (after its
 * projection commits) and those other instances publish on the Redis channel.
 */
@Component
public class Caches implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Caches.class);

    private final QueryProperties.Cache settings;
    private final MeterRegistry meters;
    private final ObjectMapper mapper;
    private final boolean l1WithoutRedis;
    private final RedisTier redis;
    private final Map<String, TieredCache<?>> byName = new ConcurrentHashMap<>();

    Caches(QueryProperties properties, MeterRegistry meters, ObjectMapper json) {
        this.settings = properties.cache();
        this.meters = meters;
        ObjectMapper base = settings.format() == QueryProperties.Cache.Format.SMILE
                ? new ObjectMapper(new SmileFactory()).findAndRegisterModules()
                : json.copy();
        this.mapper = base.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // Without Redis there is no channel between instances: L1 is safe only where there is one.
        this.l1WithoutRedis = properties.deployment().singleProcess();
        this.redis = settings.redis()
                ? new RedisTier(settings.redisUrl(), settings.redisTimeout(), settings.redisRetryInterval(),
                        this::onMessage, this::clearL1)
                : null;
        log.info("cache enabled={} redis={} l1={} format={}", settings.enabled(), redis != null,
                settings.enabled() && (redis != null || l1WithoutRedis), settings.format());
    }

    public <V> TieredCache<V> create(String name, Class<V> type) {
        return register(new TieredCache<>(name, settings, l1WithoutRedis, redis,
                new SlotCodec<>(mapper, mapper.constructType(type)), meters, null, 0));
    }

    /** A cache whose L1 is bounded by the bytes its values weigh rather than by their number. */
    public <V> TieredCache<V> create(String name, Class<V> type, ToIntFunction<V> bytes, DataSize maxSize) {
        return register(new TieredCache<>(name, settings, l1WithoutRedis, redis,
                new SlotCodec<>(mapper, mapper.constructType(type)), meters, bytes, maxSize.toBytes()));
    }

    private <V> TieredCache<V> register(TieredCache<V> cache) {
        String name = cache.name();
        if (byName.putIfAbsent(name, cache) != null) {
            throw new IllegalStateException("two caches named " + name);
        }
        return cache;
    }

    RedisTier redis() {
        return redis;
    }

    QueryProperties.Cache settings() {
        return settings;
    }

    Collection<TieredCache<?>> all() {
        return byName.values();
    }

    void tombstone(String cache, String id, long version) {
        TieredCache<?> target = byName.get(cache);
        if (target != null) {
            target.tombstone(id, version);
        }
    }

    /** A message on the invalidation channel: lines of {@code cache id version}, or "*" for everything. */
    private void onMessage(String message) {
        if (RedisTier.EVERYTHING.equals(message)) {
            clearL1();
            return;
        }
        for (String line : message.split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 3) {
                tombstone(parts[0], parts[1], Long.parseLong(parts[2]));
            }
        }
    }

    private void clearL1() {
        byName.values().forEach(TieredCache::clearL1);
    }

    @Override
    public void destroy() {
        if (redis != null) {
            redis.close();
        }
    }
}
