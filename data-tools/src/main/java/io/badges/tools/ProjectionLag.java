package io.badges.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Projection lag at a fixed write rate (open model): awards are sent at {@code --rate} assertions per
 * second whatever the answers take ({@code --batch} recipients per request; 1 = single awards), for
 * {@code --warmup-seconds} unrecorded and then {@code --seconds} recorded. Every {@code --sample}-th
 * (50th) acknowledged award is polled on the read API (the query instances of {@code --queries} in
 * turn, see {@link Run#poll}) until it answers 200; its lag is the end of that first 200 minus the
 * arrival of the award's 201, which the command service sends only after the transaction holding
 * row and event committed. So the figure is an upper bound of "event committed to visible in the
 * read API" (it includes one read's round trip and up to 10 % of polling granularity).
 * Prints one {@code RESULT} line per phase ({@code --phases}, see {@link #phases}): target and achieved
 * rate, errors, award latency, lag p50/p99/max, samples whose reads failed ({@code poll_errors}) or that
 * were not readable within two minutes after the phase ({@code unfinished_samples}: both left out of the
 * percentiles) and this tool's own CPU time per request (awards and reads; its share of the cores the
 * services run on); with {@code --samples FILE}, one line per recorded
 * sample ({@code phase=<n>r}, 201 received as epoch ms, the query instance, the assertion id, lag ms),
 * to match slow reads
 * with the services' logs. Awards and reads go through {@link KeepAliveHttp} (a blocking request per
 * pooled connection, on as many threads as requests are in flight): the load shares the two cores
 * with the services, and the JDK's client cost about three times its CPU per request.
 */
public final class ProjectionLag {

    private ProjectionLag() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String command = args.required("command");
        String key = args.required("key");
        List<String> queries = Arrays.asList(args.required("queries").split(","));
        int sample = args.integer("sample", 50);
        List<int[]> phases = phases(args);
        int pause = args.integer("pause-seconds", 10);
        HttpClient setUp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String badge = Api.badgeClass(setUp, command, key, "Lag");
        Clients http = new Clients(new KeepAliveHttp(URI.create(command)), queries.stream()
                .collect(Collectors.toMap(Function.identity(), query -> new KeepAliveHttp(URI.create(query)))));
        List<String> details = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            int rate = phases.get(p)[0];
            int batch = phases.get(p)[1];
            new Run(http, key, queries, badge, batch, sample, p + "w").drive(rate, phases.get(p)[2]);
            Run run = new Run(http, key, queries, badge, batch, sample, p + "r");
            double achieved = run.drive(rate, phases.get(p)[3]);
            run.details.forEach(line -> details.add("phase=" + run.phase + " " + line));
            System.out.printf("RESULT %starget_per_s=%d achieved_per_s=%.0f batch=%d awards=%d errors=%d late_sends=%d "
                            + "tool_cpu_us_per_request=%.0f samples=%d poll_errors=%d unfinished_samples=%d %s %s%n",
                    phases.size() > 1 ? "phase=" + (p + 1) + " " : "", rate, achieved, batch, run.acknowledged.get(),
                    run.errors.get(), run.late.get(), run.cpuNanosPerRequest / 1e3, run.lags.size(),
                    run.pollErrors.get(), run.sampled.get() - run.lags.size() - run.pollErrors.get(),
                    Percentiles.fields("award_", run.awardLatencies), Percentiles.fields("lag_", run.lags));
            System.out.flush();
            if (p < phases.size() - 1) {
                Thread.sleep(pause * 1_000L);  // the backlog of this phase drains before the next
            }
        }
        String samples = args.get("samples", null);
        if (samples != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(samples), details);
        }
        System.exit(0);
    }

    /**
     * {@code --phases "rate:batch:warmup-seconds:seconds ..."}, run one after the other by this one JVM
     * (a load tool started afresh per phase compiles all over again, on the cores the services need),
     * {@code --pause-seconds} (10) apart; without it, one phase of {@code --rate}, {@code --batch},
     * {@code --warmup-seconds} and {@code --seconds}.
     */
    private static List<int[]> phases(Args args) {
        String phases = args.get("phases", null);
        if (phases == null) {
            return List.of(new int[] {args.integer("rate", 1_000), args.integer("batch", 1),
                    args.integer("warmup-seconds", 60), args.integer("seconds", 30)});
        }
        List<int[]> list = new ArrayList<>();
        for (String phase : phases.trim().split("\\s+")) {
            int[] fields = Arrays.stream(phase.split(":")).mapToInt(Integer::parseInt).toArray();
            if (fields.length != 4) {
                throw new IllegalArgumentException("a phase is rate:batch:warmup-seconds:seconds, not " + phase);
            }
            list.add(fields);
        }
        return list;
    }

    /** The write API's connections and each query instance's, kept across phases. */
    private record Clients(KeepAliveHttp command, Map<String, KeepAliveHttp> queries) {
    }

    /** One recorded (or warm-up) period of writes at the fixed rate, with its samples. */
    private static final class Run {
        private final Clients http;
        private final String authorization;
        private final List<String> queries;
        private final String badge;
        private final int batch;
        private final int sample;
        /** The phase and part (w: warm-up, r: recorded) whose awards these are: recipients differ per part. */
        private final String phase;
        /** Requests in flight at most: beyond it the sender waits (and counts late sends). */
        private static final int MAX_IN_FLIGHT = 512;

        private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        private final ExecutorService pollers = Executors.newFixedThreadPool(16);
        /** One thread per award in flight (at most {@link #MAX_IN_FLIGHT}), idle ones kept for reuse. */
        private final ExecutorService senders = Executors.newCachedThreadPool();
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong late = new AtomicLong();
        private final ConcurrentLinkedQueue<Long> awardLatencies = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> details = new ConcurrentLinkedQueue<>();
        private final AtomicLong pollErrors = new AtomicLong();
        /** Awards polled; those that neither became readable nor failed are reported as unfinished. */
        private final AtomicLong sampled = new AtomicLong();
        /** This JVM's CPU time (every thread) over {@link #drive}, per request sent. */
        private double cpuNanosPerRequest;

        Run(Clients http, String key, List<String> queries, String badge, int batch, int sample,
            String phase) {
            this.http = http;
            this.authorization = "Bearer " + key;
            this.queries = queries;
            this.badge = badge;
            this.batch = batch;
            this.sample = sample;
            this.phase = phase;
        }

        /** Sends for {@code seconds}, waits for the answers and samples; the achieved assertions/s. */
        double drive(int rate, int seconds) throws InterruptedException {
            long requests = (long) rate * seconds / batch;
            double intervalNanos = 1e9 * batch / rate;
            long start = System.nanoTime();
            long cpuAtStart = processCpuNanos();
            for (long i = 0; i < requests; i++) {
                long due = start + (long) (i * intervalNanos);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -5_000_000) {
                    late.incrementAndGet();  // the client fell more than 5 ms behind its schedule
                }
                inFlight.acquire();
                send(i);
            }
            inFlight.acquire(MAX_IN_FLIGHT);  // every answer is in
            double elapsed = (System.nanoTime() - start) / 1e9;
            senders.shutdown();
            pollers.shutdown();
            if (!pollers.awaitTermination(2, TimeUnit.MINUTES)) {
                pollers.shutdownNow();  // what was not readable within 2 minutes stops and counts as unfinished
            }
            inFlight.release(MAX_IN_FLIGHT);
            cpuNanosPerRequest = (processCpuNanos() - cpuAtStart) / (double) Math.max(1, requests);
            return acknowledged.get() / elapsed;
        }

        private void send(long i) {
            String body = batch == 1
                    ? "{\"badgeClassId\":\"" + badge + "\",\"recipient\":{\"type\":\"email\",\"identity\":\"lag"
                    + phase + "-" + i + "@example.org\"}}"
                    : batchBody(i);
            String path = batch == 1 ? "/api/v1/assertions" : "/api/v1/assertions/batch";
            senders.execute(() -> {
                try {
                    award(i, path, body);
                } finally {
                    inFlight.release();  // after the bookkeeping: drive() counts on every answer being in
                }
            });
        }

        private void award(long i, String path, String body) {
            long sent = System.nanoTime();
            KeepAliveHttp.Response response;
            try {
                response = http.command().postJson(path, body, "Authorization", authorization);
            } catch (java.io.IOException | RuntimeException e) {
                response = new KeepAliveHttp.Response(0, e.toString());
            }
            long acked = System.nanoTime();
            long ackedAt = System.currentTimeMillis();
            String id = response.status() == 201 ? firstId(response.body()) : null;
            if (id == null) {
                if (errors.incrementAndGet() <= 3) {  // the first few, to tell what they were
                    System.err.println("award " + phase + "-" + i + " answered " + response.status() + ": "
                            + response.body());
                }
                return;
            }
            acknowledged.addAndGet(batch);
            awardLatencies.add((acked - sent) / 1_000);
            long every = Math.max(1, sample / batch);
            if (i % every == 0) {
                // the samples take the query instances in turn (i itself is a multiple of every)
                String query = queries.get((int) (i / every % queries.size()));
                sampled.incrementAndGet();
                pollers.execute(() -> poll(query, id, acked, ackedAt));
            }
        }

        private String batchBody(long i) {
            StringBuilder body = new StringBuilder("{\"badgeClassId\":\"").append(badge).append("\",\"recipients\":[");
            for (int r = 0; r < batch; r++) {
                body.append(r == 0 ? "" : ",").append("{\"type\":\"email\",\"identity\":\"lag").append(phase)
                        .append('-').append(i).append('-').append(r).append("@example.org\"}");
            }
            return body.append("]}").toString();
        }

        /**
         * Polls until the read API answers 200, waiting max(1 ms, 10 % of the time waited so far) between
         * reads: the figure's resolution is 10 %, and a lag that grows does not multiply the polling
         * (one read per millisecond per sample made the pollers, not the projection, the largest CPU
         * user of the query service once the lag passed a second).
         */
        private void poll(String query, String id, long acked, long ackedAt) {
            String path = "/api/v1/assertions/" + id;
            KeepAliveHttp reads = http.queries().get(query);
            try {
                while (reads.get(path).status() != 200) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;  // given up (drive's 2 minutes): counted as unfinished
                    }
                    long waitedMicros = (System.nanoTime() - acked) / 1_000;
                    LockSupport.parkNanos(Math.max(1_000, waitedMicros / 10) * 1_000);
                }
            } catch (java.io.IOException | RuntimeException e) {
                pollErrors.incrementAndGet();  // reported: a sample lost this way is not in the percentiles
                return;
            }
            long lag = (System.nanoTime() - acked) / 1_000;
            lags.add(lag);
            details.add(ackedAt + " " + query + " " + id + " " + String.format("%.1f", lag / 1e3));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The (first) assertion id of a 201's body; null when the body holds none (counted as an error). */
    private static String firstId(String body) {
        try {
            JsonNode json = Api.JSON.readTree(body);
            JsonNode id = json.has("ids") ? json.get("ids").get(0) : json.get("id");
            return id == null || !id.isTextual() ? null : id.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
