package io.badges.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop latency of GET requests: {@code --concurrency} clients issue {@code --requests} requests
 * in total over the paths of {@code --paths} (round robin), after a warm-up pass over every path and
 * {@code --warmup-seconds} of the same load (0 by default).
 * Prints one line per endpoint (the path with ids removed): count, p50, p99, max in ms, and errors.
 */
public final class Latency {

    private Latency() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String base = args.required("base");
        List<String> paths = Files.readAllLines(Path.of(args.required("paths")));
        int requests = args.integer("requests", 4_000);
        int concurrency = args.integer("concurrency", 8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : paths) {
            send(http, base + path);
        }
        // Then load for --warmup-seconds: on two cores the JIT needs about two minutes of load before
        // the figures settle, and the comparison of two server JVMs must not measure their warm-up.
        long warmUntil = System.nanoTime() + args.integer("warmup-seconds", 0) * 1_000_000_000L;
        ExecutorService warmers = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            int offset = c;
            warmers.submit(() -> {
                for (int i = offset; System.nanoTime() < warmUntil; i += concurrency) {
                    send(http, base + paths.get(i % paths.size()));
                }
                return null;
            });
        }
        warmers.shutdown();
        warmers.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        Map<String, List<Long>> byEndpoint = new TreeMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        List<Future<Map<String, List<Long>>>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            results.add(clients.submit(() -> {
                Map<String, List<Long>> mine = new TreeMap<>();
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String path = paths.get(i % paths.size());
                    long t = System.nanoTime();
                    if (send(http, base + path) != 200) {
                        errors.incrementAndGet();
                    }
                    mine.computeIfAbsent(endpoint(path), k -> new ArrayList<>()).add(System.nanoTime() - t);
                }
                return mine;
            }));
        }
        for (Future<Map<String, List<Long>>> result : results) {
            result.get().forEach((k, v) -> byEndpoint.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        System.out.printf("%d requests, %d clients, %.0f req/s, %d errors%n", requests, concurrency,
                requests / seconds, errors.get());
        byEndpoint.forEach((endpoint, nanos) -> {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("| %s | %d | %.2f | %.2f | %.2f |%n", endpoint, sorted.length,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        });
    }

    private static int send(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** The path's shape: ids, emails and cursors replaced, so that requests group by endpoint. */
    static String endpoint(String path) {
        return path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")
                .replaceAll("recipient=[^&]+", "recipient={email}")
                .replaceAll("cursor=[^&]+", "cursor={cursor}")
                .replaceAll("limit=\\d+&?", "")
                .replaceAll("[?&]$", "");
    }
}
