package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badges.events.EventJson;
import io.badges.events.Topics;
import io.badges.testsupport.TestPostgres;
import io.badges.testsupport.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The distributed mode with real servers: PostgreSQL (embedded binaries), a Kafka broker process,
 * the command service publishing through its outbox, and two query-service instances sharing one
 * read database as one consumer group (segments claimed in the shared token store).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedModeEndToEndTest {

    private static final String KEY = "distributed-key";
    private static final String LOOKUP_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static final Duration CONVERGE = Duration.ofSeconds(120);

    private Path dir;
    private String commandDb;
    private String queryDb;
    private KafkaBroker kafka;
    private TestRedis redis;
    private ServiceProcess command;
    private final List<ServiceProcess> queries = new ArrayList<>();
    private Api api;
    private String badge;
    private final List<String> writtenBeforeThePublisherRan = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "e2e", "distributed-" + UUID.randomUUID()).toAbsolutePath());
        commandDb = TestPostgres.newDatabase("command");
        queryDb = TestPostgres.newDatabase("query");
        kafka = new KafkaBroker(dir.resolve("kafka")).start();
        redis = TestRedis.newServer();
        kafka.createTopic(Topics.EVENTS, Topics.DEFAULT_PARTITIONS);

        // The command side runs first without any publisher (postgres profile) and stores events...
        command = commandService("postgres").start();
        command.awaitUp(CONVERGE);
        Api early = new Api(command.url(), null, KEY);
        String issuer = early.issuer("Distributed Org");
        badge = early.badgeClass(issuer, "Distributed badge");
        for (int i = 0; i < 20; i++) {
            writtenBeforeThePublisherRan.add(early.award(badge, "early" + i + "@example.org"));
        }
        command.close();
        // ...then comes back in the distributed mode: its publisher must start from the tail.
        command = commandService("distributed").start();
        queries.add(queryService().start());
        queries.add(queryService().start());
        command.awaitUp(CONVERGE);
        for (ServiceProcess query : queries) {
            query.awaitUp(CONVERGE);
        }
        api = new Api(command.url(), queries.get(0).url(), KEY);
    }

    private ServiceProcess commandService(String profile) {
        int port = command == null ? ServiceProcess.freePort() : command.port();
        return new ServiceProcess("command-service", port, Map.of(
                "SPRING_PROFILES_ACTIVE", profile,
                "COMMAND_PORT", Integer.toString(port),
                "BADGES_DB_URL", commandDb,
                "BADGES_DB_USER", TestPostgres.user(),
                "BADGES_API_KEYS", KEY,
                "BADGES_DATA_DIR", dir.resolve("command-data").toString(),
                "BADGES_RECIPIENT_LOOKUP_KEY", LOOKUP_KEY,
                "BADGES_KAFKA_BOOTSTRAP", kafka.bootstrap()), dir.resolve("command.log"));
    }

    private ServiceProcess queryService() {
        int port = ServiceProcess.freePort();
        return new ServiceProcess("query-service", port, Map.of(
                "SPRING_PROFILES_ACTIVE", "distributed",
                "QUERY_PORT", Integer.toString(port),
                "BADGES_QUERY_DB_URL", queryDb,
                "BADGES_QUERY_DB_USER", TestPostgres.user(),
                "BADGES_DATA_DIR", dir.resolve("query-data-" + port).toString(),
                "BADGES_RECIPIENT_LOOKUP_KEY", LOOKUP_KEY,
                "BADGES_KAFKA_BOOTSTRAP", kafka.bootstrap(),
                "BADGES_REDIS_URL", redis.url()), dir.resolve("query-" + port + ".log"));
    }

    @AfterAll
    void stop() throws Exception {
        for (ServiceProcess query : queries) {
            query.close();
        }
        if (command != null) {
            command.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(4)
    void aRevokeConsumedByOneInstanceDropsTheAssertionFromEveryInstancesCache() throws Exception {
        String id = api.award(badge, "cached@example.org");
        for (ServiceProcess query : queries) {
            Api reader = new Api(command.url(), query.url(), KEY);
            await().atMost(CONVERGE).until(() -> reader.read("/api/v1/assertions/" + id) != null);
            double hits = l1Hits(reader);
            assertThat(reader.read("/api/v1/assertions/" + id).get("revoked").asBoolean()).isFalse();
            assertThat(l1Hits(reader)).as("served from the L1 of %s", query.url()).isGreaterThan(hits);
        }

        api.revoke(id, "cache test");

        // Only one instance projects the revoke (its segment); the other hears it on the Redis channel.
        // Without that it would serve its cached copy for the whole TTL (10 minutes).
        for (ServiceProcess query : queries) {
            Api reader = new Api(command.url(), query.url(), KEY);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> reader.read("/api/v1/assertions/" + id).get("revoked").asBoolean());
        }
    }

    @Test
    @Order(5)
    void withRedisStoppedDuringSteadyReadsNoReadFailsAndHealthSaysDegraded() throws Exception {
        String steady = api.award(badge, "steady@example.org");
        String revokedInTheOutage = api.award(badge, "outage-revoke@example.org");
        List<Api> readers = queries.stream().map(q -> new Api(command.url(), q.url(), KEY)).toList();
        for (Api reader : readers) {
            await().atMost(CONVERGE).until(() -> reader.read("/api/v1/assertions/" + revokedInTheOutage) != null);
        }
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            Api reader = readers.get(t % readers.size());
            pool.submit(() -> {
                while (running.get()) {
                    for (String path : List.of("/api/v1/assertions/" + steady, "/api/v1/assertions/" + steady
                            + "/verify?recipient=steady@example.org", "/public/assertions/" + steady)) {
                        int status = reader.get(path).statusCode();
                        answered.incrementAndGet();
                        if (status != 200) {
                            failures.add(path + " -> " + status);
                        }
                    }
                }
                return null;
            });
        }
        Thread.sleep(1000);

        redis.stop();
        for (Api reader : readers) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(cacheStatus(reader)));
            var health = reader.get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(health.body()).get("status")
                    .asText()).isEqualTo("UP");
        }
        api.revoke(revokedInTheOutage, "revoked while Redis was down");
        for (Api reader : readers) {
            await().atMost(Duration.ofSeconds(10)).until(() -> reader.read("/api/v1/assertions/"
                    + revokedInTheOutage).get("revoked").asBoolean());
        }
        long duringTheOutage = answered.get();
        Thread.sleep(1000);
        assertThat(answered.get()).as("reads go on while Redis is down").isGreaterThan(duringTheOutage);

        redis.start();
        for (Api reader : readers) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(cacheStatus(reader)));
        }
        Thread.sleep(500);
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(failures).as("answers other than 200 during the outage").isEmpty();
        assertThat(answered.get()).isGreaterThan(100);
        for (Api reader : readers) {
            assertThat(reader.read("/api/v1/assertions/" + revokedInTheOutage).get("revoked").asBoolean()).isTrue();
        }
    }

    /**
     * kill -9 of the command service in the middle of a stream of awards (4 writers; 2,000 awards in
     * CI, {@code -Dfault.awards=10000} for the full fault suite): every award it acknowledged is in
     * its database, on Kafka and in the read model once it is back.
     */
    @Test
    @Order(6)
    void everyAwardAcknowledgedBeforeAKill9IsStoredPublishedAndProjected() throws Exception {
        int awards = Integer.getInteger("fault.awards", 2_000);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> streams = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            streams.add(writers.submit(() -> {
                int i;
                while ((i = sent.getAndIncrement()) < awards) {
                    try {
                        acknowledged.add(api.award(badge, "kill" + i + "@example.org"));
                    } catch (java.io.IOException | AssertionError gone) {
                        return null;  // the service died under this request: not acknowledged
                    }
                }
                return null;
            }));
        }
        await().atMost(CONVERGE).until(() -> acknowledged.size() >= awards / 2);
        command.kill();
        for (Future<?> stream : streams) {
            stream.get();
        }
        writers.shutdown();
        command = commandService("distributed").start();
        command.awaitUp(CONVERGE);
        System.out.printf("kill -9 after %d of %d awards acknowledged%n", acknowledged.size(), awards);

        Set<String> ids = new HashSet<>(acknowledged);
        assertThat(writeModel().keySet()).containsAll(ids);
        List<TopicReader.Event> events = TopicReader.readUntil(kafka.bootstrap(), Topics.EVENTS,
                seen -> seen.stream().map(TopicReader.Event::key).collect(Collectors.toSet()).containsAll(ids),
                CONVERGE);
        assertThat(events.stream().map(TopicReader.Event::key).collect(Collectors.toSet())).containsAll(ids);
        await().atMost(CONVERGE).until(() -> readModel().keySet().containsAll(ids));
        api = new Api(command.url(), queries.get(0).url(), KEY);
    }

    private static String cacheStatus(Api reader) throws Exception {
        var health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reader.get("/actuator/health").body());
        return health.path("components").path("cache").path("status").asText();
    }

    /** badges_cache_requests_total{cache="assertion",level="l1",result="hit"} of that instance. */
    private static double l1Hits(Api reader) throws Exception {
        return reader.get("/actuator/prometheus").body().lines()
                .filter(l -> l.startsWith("badges_cache_requests_total{") && l.contains("cache=\"assertion\"")
                        && l.contains("level=\"l1\"") && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    @Order(1)
    void eventsStoredBeforeThePublisherEverRanArePublished() {
        Set<String> early = new HashSet<>(writtenBeforeThePublisherRan);
        List<TopicReader.Event> events = TopicReader.readUntil(kafka.bootstrap(), Topics.EVENTS,
                seen -> seen.stream().map(TopicReader.Event::key).collect(Collectors.toSet()).containsAll(early),
                CONVERGE);

        assertThat(events.stream().map(TopicReader.Event::key).collect(Collectors.toSet())).containsAll(early);
        await().atMost(CONVERGE).until(() -> readModel().keySet().containsAll(early));
    }

    @Test
    @Order(2)
    void aThousandAwardsAndAHundredRevocationsReachBothInstancesInOrderPerAggregate() throws Exception {
        List<String> awarded = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            awarded.add(api.award(badge, "bulk" + i + "@example.org"));
        }
        for (int i = 0; i < 100; i++) {
            api.revoke(awarded.get(i * 10), "revoked in bulk");
        }

        await().atMost(CONVERGE).until(() -> readModel().equals(writeModel()));
        for (ServiceProcess query : queries) {
            Api reader = new Api(command.url(), query.url(), KEY);
            for (int i = 0; i < awarded.size(); i++) {
                var view = reader.read("/api/v1/assertions/" + awarded.get(i));
                assertThat(view).as("assertion %d on %s", i, query.url()).isNotNull();
                assertThat(view.get("revoked").asBoolean()).isEqualTo(i % 10 == 0);
            }
        }
        Set<String> keys = new HashSet<>(awarded);
        List<TopicReader.Event> events = TopicReader.readUntil(kafka.bootstrap(), Topics.EVENTS,
                seen -> seen.stream().filter(e -> keys.contains(e.key())).count() >= 1100, CONVERGE);
        Map<String, List<TopicReader.Event>> byAggregate = events.stream().filter(e -> keys.contains(e.key()))
                .collect(Collectors.groupingBy(TopicReader.Event::key));
        assertThat(byAggregate).hasSize(1000);
        for (ServiceProcess query : queries) {
            var found = new Api(command.url(), query.url(), KEY).read("/api/v1/assertions?recipient=BULK7@example.org");
            assertThat(found.get("items")).as("recipient lookup on %s", query.url()).hasSize(1);
            assertThat(found.get("items").get(0).get("id").asText()).isEqualTo(awarded.get(7));
        }
        everyRecordSatisfiesItsSchema(events);
        byAggregate.forEach((aggregate, list) -> {
            assertThat(list.stream().map(TopicReader.Event::partition).distinct()).as(aggregate).hasSize(1);
            List<Long> sequences = list.stream().map(TopicReader.Event::sequence).toList();
            assertThat(sequences).as("sequence of %s on the topic", aggregate).isSorted();
            assertThat(new HashSet<>(sequences))
                    .isEqualTo(awarded.indexOf(aggregate) % 10 == 0 ? Set.of(0L, 1L) : Set.of(0L));
        });
    }

    @Test
    @Order(3)
    void awardsAcceptedDuringA30SecondBrokerOutageArriveOnceItIsBack() throws Exception {
        kafka.stop();
        long stoppedAt = System.nanoTime();
        List<String> awarded = new ArrayList<>();
        for (int i = 0; i < 200 || System.nanoTime() - stoppedAt < Duration.ofSeconds(30).toNanos(); i++) {
            awarded.add(api.award(badge, "outage" + i + "@example.org"));  // each must answer 201
            if (i >= 200) {
                Thread.sleep(100);
            }
        }
        kafka.start();
        int outage = awarded.size();

        Set<String> keys = new HashSet<>(awarded);
        List<TopicReader.Event> events = TopicReader.readUntil(kafka.bootstrap(), Topics.EVENTS,
                seen -> seen.stream().map(TopicReader.Event::key).filter(keys::contains).distinct().count() == outage,
                CONVERGE);
        assertThat(events.stream().map(TopicReader.Event::key).filter(keys::contains).distinct()).hasSize(outage);
        await().atMost(CONVERGE).until(() -> readModel().keySet().containsAll(keys));
        assertThat(readModel()).isEqualTo(writeModel());
        assertThat(count(queryDb, "SELECT count(*) FROM assertion_view"))
                .isEqualTo(count(commandDb, "SELECT count(*) FROM assertion"));
    }

    @Test
    @Order(7)
    void killingOneInstanceDuringABurstRebalancesAndConverges() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<String> awarded = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> bursts = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            bursts.add(writers.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    String id = api.award(badge, "burst" + writer + "-" + i + "@example.org");
                    awarded.add(id);
                    if (i % 10 == 0) {
                        api.revoke(id, "burst correction");
                    }
                }
                return null;
            }));
        }
        await().atMost(CONVERGE).until(() -> awarded.size() >= 200);
        queries.get(1).kill();
        for (Future<?> burst : bursts) {
            burst.get();
        }
        writers.shutdown();

        await().atMost(CONVERGE).pollInterval(Duration.ofSeconds(1)).until(() -> readModel().equals(writeModel()));
        assertThat(readModel()).hasSize((int) count(commandDb, "SELECT count(*) FROM assertion"));
        assertThat(new Api(command.url(), queries.get(0).url(), KEY).read("/api/v1/assertions/"
                + awarded.get(awarded.size() - 1))).isNotNull();
    }

    @Test
    @Order(8)
    void theDownstreamExamplePrintsEveryAwardAndRevocation() throws Exception {
        Map<String, Boolean> written = writeModel();
        long expected = written.size() + written.values().stream().filter(revoked -> revoked).count();
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

        long lines = io.badges.downstream.AwardPrinter.consume(kafka.bootstrap(), "e2e-printer",
                Duration.ofSeconds(5), new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));

        List<String> output = printed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("at least once: duplicates allowed").isGreaterThanOrEqualTo(expected);
        assertThat(output.stream().filter(l -> l.startsWith("AWARDED ")).map(l -> l.split(" ")[1])
                .collect(Collectors.toSet())).isEqualTo(written.keySet());
        assertThat(output.stream().filter(l -> l.startsWith("REVOKED ")).map(l -> l.split(" ")[1])
                .collect(Collectors.toSet())).isEqualTo(written.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).collect(Collectors.toSet()));
    }

    /** The published JSON Schemas hold for the records a downstream consumer really receives. */
    private static void everyRecordSatisfiesItsSchema(List<TopicReader.Event> events) throws Exception {
        var factory = com.networknt.schema.JsonSchemaFactory.getInstance(
                com.networknt.schema.SpecVersion.VersionFlag.V202012);
        Map<String, com.networknt.schema.JsonSchema> schemas = new java.util.HashMap<>();
        for (TopicReader.Event event : events) {
            String type = event.type().substring(event.type().lastIndexOf('.') + 1);
            var schema = schemas.computeIfAbsent(type, t -> factory.getSchema(EventJson.schema(t)));
            assertThat(schema.validate(EventJson.mapper().readTree(event.json()))).as(event.json()).isEmpty();
        }
        assertThat(schemas.keySet()).contains("IssuerRegistered", "BadgeClassDefined", "AssertionIssued",
                "AssertionRevoked");
    }

    /** assertion id -> revoked, on the write side. */
    private Map<String, Boolean> writeModel() throws Exception {
        return revocations(commandDb, "SELECT id, revoked FROM assertion");
    }

    private Map<String, Boolean> readModel() throws Exception {
        return revocations(queryDb, "SELECT id, revoked FROM assertion_view");
    }

    private static Map<String, Boolean> revocations(String url, String sql) throws Exception {
        Map<String, Boolean> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), null);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        return rows;
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), null);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
