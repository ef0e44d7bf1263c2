package io.badges.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long after a revoke can a reader still be told "not revoked"? For each round: award, let every
 * query instance serve (and cache) the assertion, then revoke it while {@code --readers} clients per
 * instance poll it back to back. The stale window of the round is the start of the last read that
 * still answered "not revoked", anywhere, minus the moment the revoke request was sent (so the
 * figure includes the write itself: it is an upper bound of projection lag plus invalidation delay).
 * Prints p50, p99 and max over {@code --rounds} rounds. With {@code --read-db <jdbc url>} (and
 * {@code --read-db-user}) it also polls the read table every millisecond and splits the window: the
 * projection lag (revoke sent until the row says revoked: commit included) and the cache's own part
 * (that commit until the last stale read, 0 when no read was stale after it).
 */
public final class StaleReads {

    private StaleReads() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String command = args.required("command");
        String key = args.required("key");
        List<String> queries = Arrays.asList(args.required("queries").split(","));
        int rounds = args.integer("rounds", 100);
        int readersPerInstance = args.integer("readers", 2);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String badge = Api.badgeClass(http, command, key, "Stale reads");

        ExecutorService pool = Executors.newFixedThreadPool(queries.size() * readersPerInstance + 1);
        String readDb = args.get("read-db", null);
        java.sql.Connection db = readDb == null ? null
                : java.sql.DriverManager.getConnection(readDb, args.get("read-db-user", null), null);
        List<Long> windows = new ArrayList<>();
        List<Long> projection = new ArrayList<>();
        List<Long> afterCommit = new ArrayList<>();
        long staleReads = 0;
        for (int round = 0; round < rounds; round++) {
            String id = Api.post(http, command + "/api/v1/assertions", key, "{\"badgeClassId\":\"" + badge
                    + "\",\"recipient\":{\"type\":\"email\",\"identity\":\"stale" + round + "@example.org\"}}")
                    .get("id").asText();
            for (String query : queries) {
                while (revoked(http, query + "/api/v1/assertions/" + id) == null) {
                    Thread.sleep(5);
                }
                revoked(http, query + "/api/v1/assertions/" + id);  // a hit: it is cached now
            }
            AtomicBoolean polling = new AtomicBoolean(true);
            AtomicLong revokeSent = new AtomicLong(Long.MAX_VALUE);
            AtomicLong lastStaleStart = new AtomicLong(Long.MIN_VALUE);
            AtomicLong stale = new AtomicLong();
            List<Future<?>> readers = new ArrayList<>();
            for (String query : queries) {
                for (int r = 0; r < readersPerInstance; r++) {
                    readers.add(pool.submit(() -> {
                        while (polling.get()) {
                            long started = System.nanoTime();
                            Boolean revoked = revoked(http, query + "/api/v1/assertions/" + id);
                            if (Boolean.FALSE.equals(revoked) && started > revokeSent.get()) {
                                stale.incrementAndGet();
                                lastStaleStart.accumulateAndGet(started, Math::max);
                            }
                        }
                        return null;
                    }));
                }
            }
            AtomicLong rowRevoked = new AtomicLong(Long.MAX_VALUE);
            Future<?> rowWatcher = db == null ? null : pool.submit(() -> {
                try (var query = db.prepareStatement("SELECT revoked FROM assertion_view WHERE id = ?")) {
                    query.setString(1, id);
                    while (polling.get() && rowRevoked.get() == Long.MAX_VALUE) {
                        try (var rs = query.executeQuery()) {
                            if (rs.next() && rs.getBoolean(1)) {
                                rowRevoked.set(System.nanoTime());
                            }
                        }
                        Thread.sleep(1);
                    }
                }
                return null;
            });
            Thread.sleep(50);
            revokeSent.set(System.nanoTime());
            Api.post(http, command + "/api/v1/assertions/" + id + "/revoke", key, "{\"reason\":\"stale read test\"}");
            for (String query : queries) {
                while (!Boolean.TRUE.equals(revoked(http, query + "/api/v1/assertions/" + id))) {
                    Thread.sleep(1);
                }
            }
            Thread.sleep(100);  // readers keep polling: a stale answer after the first fresh one still counts
            polling.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
            if (rowWatcher != null) {
                rowWatcher.get();
                projection.add((rowRevoked.get() - revokeSent.get()) / 1_000);
                afterCommit.add(stale.get() == 0 ? 0 : Math.max(0, lastStaleStart.get() - rowRevoked.get()) / 1_000);
            }
            staleReads += stale.get();
            windows.add(stale.get() == 0 ? 0 : (lastStaleStart.get() - revokeSent.get()) / 1_000);
        }
        pool.shutdown();
        System.out.printf("RESULT rounds=%d instances=%d %s stale_reads=%d%s%n", rounds, queries.size(),
                Percentiles.fields("", windows), staleReads, db == null ? ""
                        : " " + Percentiles.fields("projection_", projection) + " " + Percentiles.fields("after_commit_", afterCommit));
    }

    /** The assertion's revoked flag, or null while the reader does not know it. */
    private static Boolean revoked(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Api.JSON.readTree(response.body()).get("revoked").asBoolean() : null;
    }

}
