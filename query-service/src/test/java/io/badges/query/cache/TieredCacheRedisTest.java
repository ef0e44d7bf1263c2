package io.badges.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.web.Deployment;
import io.badges.query.TestProperties;
import io.badges.query.config.QueryProperties;
import io.badges.testsupport.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.util.unit.DataSize;

/**
 * The cache levels against a real redis-server: two {@link Caches} play two query-service instances
 * sharing one Redis. The loader stands for the read table: a versioned map that counts its loads.
 */
class TieredCacheRedisTest {

    record Thing(String id, String name) {
    }

    /** The "read table": id -> (value, last_seq), and how often it was read. */
    static final class Table implements Function<String, Optional<Versioned<Thing>>> {
        final Map<String, Versioned<Thing>> rows = new ConcurrentHashMap<>();
        final AtomicInteger loads = new AtomicInteger();

        void put(String id, String name, long lastSeq) {
            rows.put(id, Versioned.of(new Thing(id, name), lastSeq));
        }

        @Override
        public Optional<Versioned<Thing>> apply(String id) {
            loads.incrementAndGet();
            return Optional.ofNullable(rows.get(id));
        }
    }

    private final List<Caches> instances = new ArrayList<>();
    private TestRedis ownRedis;

    @AfterEach
    void close() {
        instances.forEach(Caches::destroy);
        if (ownRedis != null) {
            ownRedis.close();
        }
    }

    private Caches instance(String redisUrl, QueryProperties.Cache.Format format) {
        QueryProperties.Cache d = QueryProperties.Cache.defaults(redisUrl);
        QueryProperties.Cache settings = new QueryProperties.Cache(true, redisUrl, d.l1MaxEntries(), d.ttl(),
                d.ttlJitter(), d.negativeTtl(), d.tombstoneTtl(), Duration.ofMillis(200), Duration.ofMillis(200),
                format, d.badgeImagesMaxSize(), d.bakedImagesMaxSize(), d.representationsMaxSize());
        QueryProperties properties = TestProperties.withCache(settings, Deployment.REPLICATED);
        Caches caches = new Caches(properties, new SimpleMeterRegistry(), new ObjectMapper());
        instances.add(caches);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> caches.redis().healthy() && caches.redis().coherent());
        return caches;
    }

    private Caches instance() {
        return instance(TestRedis.shared().url(), QueryProperties.Cache.Format.SMILE);
    }

    private static String id() {
        return java.util.UUID.randomUUID().toString();
    }

    @ParameterizedTest
    @EnumSource(QueryProperties.Cache.Format.class)
    void aMissLoadsOnceThenL1AndTheOtherInstanceThroughRedisAnswer(QueryProperties.Cache.Format format) {
        Table table = new Table();
        String id = id();
        table.put(id, "first", 0);
        TieredCache<Thing> a = instance(TestRedis.shared().url(), format).create("things", Thing.class);
        TieredCache<Thing> b = instance(TestRedis.shared().url(), format).create("things", Thing.class);

        assertThat(a.get(id, table)).contains(new Thing(id, "first"));
        assertThat(a.get(id, table)).contains(new Thing(id, "first"));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            b.clearL1();
            return b.get(id, table).isPresent() && table.loads.get() == 1;
        });

        assertThat(table.loads.get()).as("one database load for three reads on two instances").isEqualTo(1);
    }

    /** A value as large as a badge picture: bytes, base64 in JSON, binary in Smile. */
    record Picture(String mediaType, byte[] bytes) {
    }

    @ParameterizedTest
    @EnumSource(QueryProperties.Cache.Format.class)
    void bytesTravelThroughRedisIntact(QueryProperties.Cache.Format format) {
        byte[] bytes = new byte[40_000];
        new java.util.Random(1).nextBytes(bytes);
        String id = id();
        Function<String, Optional<Versioned<Picture>>> table = key -> Optional.of(Versioned.of(
                new Picture("image/png", bytes), 0));
        TieredCache<Picture> a = instance(TestRedis.shared().url(), format)
                .create("pictures", Picture.class, p -> p.bytes().length, DataSize.ofMegabytes(1));
        TieredCache<Picture> b = instance(TestRedis.shared().url(), format)
                .create("pictures", Picture.class, p -> p.bytes().length, DataSize.ofMegabytes(1));
        a.get(id, table);

        AtomicInteger loads = new AtomicInteger();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            b.clearL1();
            Picture shared = b.get(id, key -> {
                loads.incrementAndGet();
                return Optional.empty();
            }).orElseThrow();
            assertThat(shared.bytes()).isEqualTo(bytes);
            assertThat(shared.mediaType()).isEqualTo("image/png");
        });
        assertThat(loads.get()).as("answered by Redis, not loaded again").isZero();
    }

    @Test
    void anL1BoundedByBytesKeepsNoMoreThanItsSize() {
        QueryProperties.Cache settings = QueryProperties.Cache.defaults(null);
        Caches caches = new Caches(TestProperties.withCache(settings), new SimpleMeterRegistry(), new ObjectMapper());
        instances.add(caches);
        TieredCache<Picture> cache = caches.create("pictures", Picture.class, p -> p.bytes().length,
                DataSize.ofKilobytes(100));
        for (int i = 0; i < 20; i++) {
            cache.get("p" + i, key -> Optional.of(Versioned.of(new Picture("image/png", new byte[30_000]), 0)));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> cache.l1Size() <= 3);
    }

    @Test
    void anInvalidationOnOneInstanceDropsTheOtherInstancesL1() {
        Table table = new Table();
        String id = id();
        table.put(id, "before", 0);
        Caches first = instance();
        Caches second = instance();
        TieredCache<Thing> a = first.create("things", Thing.class);
        TieredCache<Thing> b = second.create("things", Thing.class);
        new Invalidations(first);  // invalidations of instance A
        assertThat(a.get(id, table)).contains(new Thing(id, "before"));
        assertThat(b.get(id, table)).contains(new Thing(id, "before"));
        int loads = table.loads.get();
        assertThat(b.get(id, table)).as("served from B's L1").contains(new Thing(id, "before"));
        assertThat(table.loads.get()).isEqualTo(loads);

        table.put(id, "after", 1);
        new Invalidations(first).changed("things", id, 1);

        assertThat(a.get(id, table)).contains(new Thing(id, "after"));
        await().atMost(Duration.ofSeconds(5)).until(() -> b.get(id, table).equals(Optional.of(new Thing(id, "after"))));
    }

    @Test
    void aReaderThatLoadedBeforeTheEventCannotPutItsStaleValueBack() throws Exception {
        Table table = new Table();
        String id = id();
        table.put(id, "old", 0);
        Caches caches = instance();
        TieredCache<Thing> cache = caches.create("things", Thing.class);
        CountDownLatch loadedOld = new CountDownLatch(1);
        CountDownLatch eventCommitted = new CountDownLatch(1);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<Optional<Thing>> slowRead = reader.submit(() -> cache.get(id, key -> {
            Optional<Versioned<Thing>> old = table.apply(key);
            loadedOld.countDown();
            waitFor(eventCommitted);
            return old;
        }));
        waitFor(loadedOld);
        table.put(id, "new", 1);
        new Invalidations(caches).changed("things", id, 1);
        eventCommitted.countDown();
        assertThat(slowRead.get(5, TimeUnit.SECONDS)).contains(new Thing(id, "old"));
        reader.shutdown();

        assertThat(cache.get(id, table)).as("L1 and Redis kept the tombstone").contains(new Thing(id, "new"));
        cache.clearL1();
        assertThat(cache.get(id, table)).contains(new Thing(id, "new"));
    }

    @Test
    void concurrentMissesOfOneKeyLoadOnce() throws Exception {
        Table table = new Table();
        String id = id();
        table.put(id, "hot", 0);
        TieredCache<Thing> cache = instance().create("things", Thing.class);
        CountDownLatch release = new CountDownLatch(1);
        Function<String, Optional<Versioned<Thing>>> slow = key -> {
            waitFor(release);
            return table.apply(key);
        };
        ExecutorService readers = Executors.newFixedThreadPool(16);
        List<Future<Optional<Thing>>> reads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            reads.add(readers.submit(() -> cache.get(id, slow)));
        }
        Thread.sleep(200);
        release.countDown();
        for (Future<Optional<Thing>> read : reads) {
            assertThat(read.get(5, TimeUnit.SECONDS)).contains(new Thing(id, "hot"));
        }
        readers.shutdown();
        assertThat(table.loads.get()).isEqualTo(1);
    }

    @Test
    void unknownIdsAreCachedAsAbsentUntilTheCreatingEvent() {
        Table table = new Table();
        String id = id();
        Caches caches = instance();
        TieredCache<Thing> cache = caches.create("things", Thing.class);

        assertThat(cache.get(id, table)).isEmpty();
        assertThat(cache.get(id, table)).isEmpty();
        assertThat(table.loads.get()).as("the second miss is answered from the cache").isEqualTo(1);

        table.put(id, "created", 0);
        new Invalidations(caches).changed("things", id, 0);

        assertThat(cache.get(id, table)).contains(new Thing(id, "created"));
        assertThat(table.loads.get()).isEqualTo(2);
    }

    @Test
    void withRedisStoppedReadsComeFromTheTableAndTheTierRecovers() {
        ownRedis = TestRedis.newServer();
        Table table = new Table();
        String id = id();
        table.put(id, "value", 0);
        Caches caches = instance(ownRedis.url(), QueryProperties.Cache.Format.SMILE);
        TieredCache<Thing> cache = caches.create("things", Thing.class);
        assertThat(cache.get(id, table)).isPresent();

        ownRedis.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !caches.redis().coherent());
        for (int i = 0; i < 20; i++) {
            assertThat(cache.get(id, table)).contains(new Thing(id, "value"));
        }
        assertThat(caches.redis().healthy()).isFalse();
        int loadsDuringTheOutage = table.loads.get();
        assertThat(loadsDuringTheOutage).as("L1 is bypassed while invalidations cannot be heard").isGreaterThan(1);

        ownRedis.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> caches.redis().healthy() && caches.redis().coherent());
        cache.get(id, table);
        int afterRecovery = table.loads.get();
        cache.get(id, table);
        assertThat(table.loads.get()).as("cached again").isEqualTo(afterRecovery);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
