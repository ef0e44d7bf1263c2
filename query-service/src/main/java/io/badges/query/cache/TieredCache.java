package io.badges.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.badges.query.config.QueryProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One read cache: L1 (Caffeine, this instance) in front of Redis (shared) in front of the database.
 * Concurrent misses of one key share one load; absent rows are cached briefly; every level keeps
 * the highest-ranked slot it saw (see {@link Slot}), so invalidations cannot be undone by a slow
 * reader.
 */
public final class TieredCache<V> {

    private final String name;
    private final QueryProperties.Cache settings;
    private final Cache<String, Slot<V>> l1;
    private final boolean l1WithoutRedis;
    private final RedisTier redis;
    private final SlotCodec<V> codec;
    private final ConcurrentHashMap<String, CompletableFuture<Optional<V>>> loading = new ConcurrentHashMap<>();
    private final Counter l1Hits;
    private final Counter l1Misses;
    private final Counter redisHits;
    private final Counter redisMisses;
    private final Timer loads;

    /**
     * @param weight null: L1 holds at most {@code l1MaxEntries}; else it holds at most {@code maxWeight}
     *               of what this function says a value weighs (bytes, for values as large as images)
     */
    TieredCache(String name, QueryProperties.Cache settings, boolean l1WithoutRedis, RedisTier redis,
                SlotCodec<V> codec, MeterRegistry meters, ToIntFunction<V> weight, long maxWeight) {
        this.name = name;
        this.settings = settings;
        this.l1WithoutRedis = l1WithoutRedis;
        this.redis = redis;
        this.codec = codec;
        Counter l1Evictions = counter(meters, "badges.cache.evictions", "l1", null);
        Caffeine<Object, Object> builder = Caffeine.newBuilder();
        if (weight == null) {
            builder.maximumSize(settings.l1MaxEntries());
        } else {
            // a tombstone or an absent row weighs what its key and slot do
            builder.maximumWeight(maxWeight).weigher((String key, Slot<V> slot) ->
                    64 + (slot.value() == null ? 0 : weight.applyAsInt(slot.value())));
        }
        this.l1 = builder
                .expireAfter(new Expiry<String, Slot<V>>() {
                    @Override
                    public long expireAfterCreate(String key, Slot<V> slot, long now) {
                        return ttlNanos(slot);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Slot<V> slot, long now, long current) {
                        return ttlNanos(slot);
                    }

                    @Override
                    public long expireAfterRead(String key, Slot<V> slot, long now, long current) {
                        return current;
                    }
                })
                .removalListener((String key, Slot<V> slot, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        l1Evictions.increment();
                    }
                })
                .build();
        this.l1Hits = counter(meters, "badges.cache.requests", "l1", "hit");
        this.l1Misses = counter(meters, "badges.cache.requests", "l1", "miss");
        this.redisHits = counter(meters, "badges.cache.requests", "redis", "hit");
        this.redisMisses = counter(meters, "badges.cache.requests", "redis", "miss");
        this.loads = Timer.builder("badges.cache.load").tag("cache", name)
                .description("database loads on a cache miss").register(meters);
        meters.gauge("badges.cache.size", java.util.List.of(io.micrometer.core.instrument.Tag.of("cache", name),
                io.micrometer.core.instrument.Tag.of("level", "l1")), l1, Cache::estimatedSize);
    }

    private Counter counter(MeterRegistry meters, String metric, String level, String result) {
        Counter.Builder builder = Counter.builder(metric).tag("cache", name).tag("level", level);
        return (result == null ? builder : builder.tag("result", result)).register(meters);
    }

    public String name() {
        return name;
    }

    /** False when caches are switched off: callers may then prefer one joined query to composed lookups. */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The value of {@code id}: from L1, Redis or, once per key at a time, from {@code loader}. */
    public Optional<V> get(String id, Function<String, Optional<Versioned<V>>> loader) {
        if (!settings.enabled()) {
            return loader.apply(id).map(Versioned::value);
        }
        boolean useL1 = useL1();
        Slot<V> local = useL1 ? l1.getIfPresent(id) : null;
        if (local != null && local.answers()) {
            l1Hits.increment();
            return Optional.ofNullable(local.value());
        }
        if (useL1) {
            l1Misses.increment();
        }
        CompletableFuture<Optional<V>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<V>> running = loading.putIfAbsent(id, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Optional<V> value = loadThrough(id, local == null ? 0 : local.rank(), useL1, loader);
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(id, mine);
        }
    }

    private Optional<V> loadThrough(String id, long floor, boolean useL1,
                                    Function<String, Optional<Versioned<V>>> loader) {
        if (redis != null) {
            Slot<V> shared = decode(redis.get(name, id));
            if (shared != null && shared.answers() && shared.rank() > floor) {
                redisHits.increment();
                if (useL1) {
                    keepNewer(id, shared);
                }
                return Optional.ofNullable(shared.value());
            }
            redisMisses.increment();
        }
        Optional<Versioned<V>> loaded = loads.record(() -> loader.apply(id));
        Slot<V> slot = Slot.loaded(loaded.orElse(null));
        if (useL1) {
            keepNewer(id, slot);
        }
        if (redis != null) {
            redis.setIfNewer(name, id, slot.rank(), codec.body(slot), jittered(ttl(slot)));
        }
        return loaded.map(Versioned::value);
    }

    private Slot<V> decode(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            return codec.decode(stored);
        } catch (RuntimeException e) {
            return null;  // written by another version of the service: load it again
        }
    }

    /** An event changed {@code id}; its row will have {@code version}. Local only: see {@link Invalidations}. */
    void tombstone(String id, long version) {
        keepNewer(id, Slot.tombstone(version));
    }

    void clearL1() {
        l1.invalidateAll();
    }

    private void keepNewer(String id, Slot<V> slot) {
        l1.asMap().merge(id, slot, (current, offered) -> offered.rank() > current.rank() ? offered : current);
    }

    /** L1 is trusted only while this instance hears every invalidation, or when it is the only instance. */
    private boolean useL1() {
        return settings.l1MaxEntries() > 0 && (redis == null ? l1WithoutRedis : redis.coherent());
    }

    long l1Size() {
        return l1.estimatedSize();
    }

    private long ttl(Slot<V> slot) {
        return switch (slot.kind()) {
            case VALUE -> settings.ttl().toMillis();
            case ABSENT -> settings.negativeTtl().toMillis();
            case TOMBSTONE -> settings.tombstoneTtl().toMillis();
        };
    }

    private long jittered(long millis) {
        double jitter = settings.ttlJitter();
        return jitter == 0 ? millis
                : Math.max(1, (long) (millis * (1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble())));
    }

    private long ttlNanos(Slot<V> slot) {
        return jittered(ttl(slot)) * 1_000_000L;
    }
}
