package io.badges.query.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared cache level: one Lettuce connection for commands, one for the invalidation channel.
 * Every command has a short timeout; after a failure the tier is skipped (reads go to the database)
 * until a background ping succeeds again. While the channel is not subscribed, the instance may have
 * missed invalidations, so {@link #coherent()} is false and the caches bypass their L1.
 */
public final class RedisTier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisTier.class);

    /** Replace the slot only by one of higher rank (see {@link Slot}). */
    private static final String SET_IF_NEWER = """
            local cur = redis.call('GET', KEYS[1])
            if cur then
              local rank = tonumber(string.match(cur, '^(%d+)|'))
              if rank and rank >= tonumber(ARGV[1]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[3])
            return 1
            """;

    static final String CHANNEL = "badges:cache:invalidations";
    private static final String GENERATION = "badges:cache:generation";
    /** Published after a generation change: every instance re-reads it and drops its whole L1. */
    static final String EVERYTHING = "*";

    private final RedisClient client;
    private final Duration timeout;
    private final Consumer<String> onMessage;
    private final Runnable onResubscribed;
    private final ScheduledExecutorService watchdog;
    private final AtomicLong errors = new AtomicLong();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile StatefulRedisPubSubConnection<String, String> channel;
    private volatile boolean healthy;
    private volatile boolean subscribed;
    private volatile String lastError = "not connected yet";
    private volatile long generation;
    /** An invalidation could not be stored: Redis may hold stale slots, so they are all abandoned. */
    private volatile boolean dirty;

    /**
     * @param onMessage      invalidation messages published by any instance (this one included)
     * @param onResubscribed the channel (re)subscribed: whatever was missed meanwhile must be dropped
     */
    public RedisTier(String url, Duration timeout, Duration retryInterval, Consumer<String> onMessage,
                     Runnable onResubscribed) {
        this.timeout = timeout;
        this.onMessage = onMessage;
        this.onResubscribed = onResubscribed;
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), retryInterval, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, RedisURI.create(url));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-cache-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::check, 0, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects (at start-up and whenever Redis was unreachable then) and pings a failed connection back to use. */
    private void check() {
        try {
            if (connection == null) {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                log.info("cache.redis connected");
            }
            if (channel == null) {
                StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
                pubSub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String ch, String message) {
                        if (EVERYTHING.equals(message)) {
                            readGeneration();
                        }
                        onMessage.accept(message);
                    }

                    @Override
                    public void subscribed(String ch, long count) {
                        onResubscribed.run();
                        subscribed = true;
                    }
                });
                pubSub.addListener(new io.lettuce.core.RedisConnectionStateListener() {
                    @Override
                    public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> handler) {
                        subscribed = false;
                    }
                });
                pubSub.sync().subscribe(CHANNEL);
                channel = pubSub;
            }
            if (!healthy) {
                connection.async().ping().get(timeout.toMillis() * 4, TimeUnit.MILLISECONDS);
                if (dirty) {
                    generation = connection.async().incr(GENERATION).get(timeout.toMillis() * 4, TimeUnit.MILLISECONDS);
                    connection.async().publish(CHANNEL, EVERYTHING.getBytes(StandardCharsets.UTF_8));
                    dirty = false;
                    log.info("cache.redis missed invalidations: moved to generation {}", generation);
                } else {
                    readGeneration();
                }
                healthy = true;
                log.info("cache.redis available");
            }
        } catch (Exception e) {
            failed(e);
        }
    }

    private void readGeneration() {
        try {
            byte[] stored = connection.async().get(GENERATION).get(timeout.toMillis() * 4, TimeUnit.MILLISECONDS);
            generation = stored == null ? 0 : Long.parseLong(new String(stored, StandardCharsets.US_ASCII));
        } catch (Exception e) {
            failed(e);
        }
    }

    String key(String cache, String id) {
        return "badges:" + generation + ":" + cache + ":" + id;
    }

    public long generation() {
        return generation;
    }

    public boolean healthy() {
        return healthy && connection != null;
    }

    /** True when this instance hears every invalidation: only then may it trust its L1. */
    public boolean coherent() {
        return subscribed && channel != null && channel.isOpen();
    }

    public long errors() {
        return errors.get();
    }

    public String lastError() {
        return lastError;
    }

    /** The stored slot, or null when absent, unreadable or Redis is not available. */
    byte[] get(String cache, String id) {
        if (!healthy()) {
            return null;
        }
        try {
            return connection.async().get(key(cache, id)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            failed(e);
            return null;
        }
    }

    /** Stores the slot unless Redis holds one of the same or a higher rank; does not wait. */
    void setIfNewer(String cache, String id, long rank, byte[] body, long ttlMillis) {
        if (!healthy()) {
            return;
        }
        try {
            script(connection.async(), key(cache, id), rank, body, ttlMillis)
                    .exceptionally(e -> {
                        failed(e);
                        return null;
                    });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Leaves tombstones (pipelined) and then tells every instance, without waiting for Redis: one
     * connection's commands run in the order they were sent, so the PUBLISH is executed after the
     * tombstones are stored, and so is any later read or write of this instance. The caller (the
     * projection, right after its commit) goes on with its next batch: waiting for these replies cost
     * it 69 ms per batch on average under 1,000 writes/s (docs/benchmarks.md). A failed command marks
     * Redis dirty, so the watchdog moves the key space to a new generation. Returns false when Redis
     * is known to be unavailable: the caller's instance then stays correct by itself, the others drop
     * their L1 when their channel comes back.
     */
    boolean invalidate(List<Tombstone> tombstones, String message, long ttlMillis) {
        if (connection == null || !healthy) {
            dirty = true;
            return false;
        }
        try {
            RedisAsyncCommands<String, byte[]> commands = connection.async();
            for (Tombstone t : tombstones) {
                script(commands, key(t.cache(), t.id()), t.rank(), new byte[] {'T'}, ttlMillis).exceptionally(this::lost);
            }
            commands.publish(CHANNEL, message.getBytes(StandardCharsets.UTF_8)).exceptionally(this::lost);
            return true;
        } catch (RuntimeException e) {
            lost(e);
            return false;
        }
    }

    private <T> T lost(Throwable e) {
        dirty = true;
        failed(e);
        return null;
    }

    record Tombstone(String cache, String id, long rank) {
    }

    private static CompletableFuture<Long> script(RedisAsyncCommands<String, byte[]> commands, String key, long rank,
                                                  byte[] body, long ttlMillis) {
        return commands.<Long>eval(SET_IF_NEWER, ScriptOutputType.INTEGER, new String[] {key},
                ascii(rank), body, ascii(ttlMillis)).toCompletableFuture();
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    private void failed(Throwable e) {
        errors.incrementAndGet();
        lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (healthy) {
            log.warn("cache.redis unavailable, reads fall back to the database: {}", lastError);
        }
        healthy = false;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        if (channel != null) {
            channel.close();
        }
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
