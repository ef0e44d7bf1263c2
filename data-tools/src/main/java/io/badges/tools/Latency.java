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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop latency of GET requests against one or more targets, measured by the same clients.
 * {@code --base}, {@code --paths} and {@code --labels} take one comma-separated entry per target.
 * {@code --concurrency} clients each take the next step number {@code i} and send, to every target,
 * the i-th path of that target's file (files of the same shape, so the same endpoint), starting with
 * a different target each step so that neither always goes first. {@code --requests} steps in total,
 * after a warm-up pass over every path and {@code --warmup-seconds} of the same load (0 by default).
 *
 * <p>Why one client for all targets: two services compared on one machine, each under its own load
 * client, have their p99 set by whatever else the machine did during their own requests (a garbage
 * collection in one client JVM, a scheduler burst). Sent by the same client in alternation, the
 * requests to both meet the same machine within a millisecond of each other.
 *
 * <p>Prints, per target: a line {@code == <label>}, a summary line, then one row per endpoint (the
 * path with ids removed): count, p50, p99, max in ms.
 */
public final class Latency {

    private Latency() {
    }

    record Target(String label, String base, List<String> paths) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String[] bases = args.required("base").split(",");
        String[] pathFiles = args.required("paths").split(",");
        String[] labels = args.get("labels", args.required("base")).split(",");
        if (pathFiles.length != bases.length || labels.length != bases.length) {
            throw new IllegalArgumentException("--base, --paths and --labels need one entry per target");
        }
        List<Target> targets = new ArrayList<>();
        for (int t = 0; t < bases.length; t++) {
            targets.add(new Target(labels[t], bases[t], Files.readAllLines(Path.of(pathFiles[t]))));
        }
        int steps = args.integer("requests", 4_000);
        int concurrency = args.integer("concurrency", 8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (Target target : targets) {
            for (String path : target.paths()) {
                send(http, target.base() + path);
            }
        }
        // Then load for --warmup-seconds: on two cores the JIT needs about two minutes of load before
        // the figures settle, and the comparison of two server JVMs must not measure their warm-up.
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(args.integer("warmup-seconds", 0));
        AtomicInteger warmStep = new AtomicInteger();
        run(concurrency, () -> {
            while (System.nanoTime() < warmUntil) {
                step(http, targets, warmStep.getAndIncrement(), null);
            }
            return null;
        });

        List<Map<String, List<Long>>> byTarget = new ArrayList<>();
        targets.forEach(t -> byTarget.add(new TreeMap<>()));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger[] errors = targets.stream().map(t -> new AtomicInteger()).toArray(AtomicInteger[]::new);
        long started = System.nanoTime();
        List<List<Map<String, List<Long>>>> perClient = run(concurrency, () -> {
            List<Map<String, List<Long>>> mine = new ArrayList<>();
            targets.forEach(t -> mine.add(new TreeMap<>()));
            for (int i = next.getAndIncrement(); i < steps; i = next.getAndIncrement()) {
                int[] statuses = step(http, targets, i, mine);
                for (int t = 0; t < statuses.length; t++) {
                    if (statuses[t] != 200) {
                        errors[t].incrementAndGet();
                    }
                }
            }
            return mine;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        for (List<Map<String, List<Long>>> client : perClient) {
            for (int t = 0; t < targets.size(); t++) {
                Map<String, List<Long>> into = byTarget.get(t);
                client.get(t).forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            System.out.printf("== %s%n", targets.get(t).label());
            System.out.printf("%d requests, %d clients sending to %d target(s) in turn, %.0f req/s to this one, "
                    + "%d errors%n", steps, concurrency, targets.size(), steps / seconds, errors[t].get());
            byTarget.get(t).forEach((endpoint, nanos) -> {
                long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("| %s | %d | %.2f | %.2f | %.2f |%n", endpoint, sorted.length,
                        percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            });
        }
    }

    /** Step i: the i-th path of every target, the first target rotating; latencies into {@code into}. */
    private static int[] step(HttpClient http, List<Target> targets, int i, List<Map<String, List<Long>>> into)
            throws Exception {
        int[] statuses = new int[targets.size()];
        for (int k = 0; k < targets.size(); k++) {
            int t = (i + k) % targets.size();
            Target target = targets.get(t);
            String path = target.paths().get(i % target.paths().size());
            long start = System.nanoTime();
            statuses[t] = send(http, target.base() + path);
            if (into != null) {
                into.get(t).computeIfAbsent(endpoint(path), x -> new ArrayList<>()).add(System.nanoTime() - start);
            }
        }
        return statuses;
    }

    /** Runs {@code concurrency} copies of {@code client} at once; their results in order. */
    private static <T> List<T> run(int concurrency, Callable<T> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                futures.add(pool.submit(client));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
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
