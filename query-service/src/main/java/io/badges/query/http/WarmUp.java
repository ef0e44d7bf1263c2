package io.badges.query.http;

import io.badges.query.config.QueryProperties;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Warms the hot paths before readiness turns UP: for up to {@code badges.http.warm-up} the service sends
 * itself, over loopback keep-alive connections and through its whole HTTP stack, the hot reads of some
 * ids it holds (JSON, 304 revalidations and a few badge pages), so that the JIT has compiled them
 * before the first client's request arrives; it ends sooner once its own rate stops rising. Spring Boot reports the application ready (readiness UP)
 * only after the runners return. The client is a few lines over a socket, not an HTTP client library:
 * on a cold JVM a library's own first requests cost more than the server's, and its code would take
 * the JIT's time. Nothing to read (a new install), a read model that cannot be read yet, or a duration
 * of 0: no warm-up.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final int IDS_PER_READ = 8;
    /** Ids read once each (a cache miss: a database load, serialised and cached) after the hot ones. */
    private static final int LOADS_PER_READ = 500;
    private static final int PAGES_PER_READ = 2;
    private static final long SAMPLE_MILLIS = 500;
    private static final int FLAT_SAMPLES = 4;
    private static final long MIN_MILLIS = 2_000;

    private final Duration duration;
    private final List<HotRead> reads;
    private final ApplicationContext context;

    WarmUp(QueryProperties properties, List<HotReads> features, ApplicationContext context) {
        this.duration = properties.http().warmUp();
        this.reads = features.stream().flatMap(feature -> feature.hotReads().stream()).toList();
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (duration.isZero() || !(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        List<byte[]> requests;
        try {
            requests = requests();
        } catch (RuntimeException e) {
            // a warm-up is an optimisation: a read model that cannot be read yet must not stop the start
            log.info("warm-up skipped: reason=\"{}\"", e.getClass().getSimpleName());
            return;
        }
        if (requests.isEmpty()) {
            return;
        }
        int port = web.getWebServer().getPort();
        long start = System.nanoTime();
        AtomicLong until = new AtomicLong(start + duration.toNanos());
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Math.max(2, Runtime.getRuntime().availableProcessors()); t++) {
            int offset = t * 7;
            Thread thread = new Thread(() -> send(port, requests, offset, until, sent), "warm-up-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        stopOnPlateau(start, until, sent, (long) requests.size() * threads.size());
        for (Thread thread : threads) {
            thread.join();
        }
        log.info("warm-up done: requests={} list={} millis={}", sent.get(), requests.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Ends the warm-up early once its own rate stops rising: {@value #FLAT_SAMPLES} samples of
     * {@value #SAMPLE_MILLIS} ms in a row without 5 % over the best so far (the JIT has compiled what
     * these requests run), but not before {@value #MIN_MILLIS} ms, and counting only samples after each
     * sender's first pass through all the requests: during that pass the loads run in cold code, and a
     * flat rate then is not a warm one (a run that stopped after 6 s, at the end of that pass, served its
     * first 10 s at 0.25 x warm).
     * {@code badges.http.warm-up} is the cap.
     */
    private static void stopOnPlateau(long start, AtomicLong until, AtomicLong sent, long onePass)
            throws InterruptedException {
        double best = 0;
        int flat = 0;
        long last = 0;
        while (System.nanoTime() < until.get()) {
            Thread.sleep(SAMPLE_MILLIS);
            long now = sent.get();
            double rate = now - last;
            last = now;
            if (now < onePass || rate > best * 1.05) {
                best = Math.max(best, rate);
                flat = 0;
            } else if (++flat >= FLAT_SAMPLES && System.nanoTime() - start >= MIN_MILLIS * 1_000_000L) {
                until.set(System.nanoTime());
            }
        }
    }

    /**
     * GET, and GET with the answer's ETag (a 304), for a few ids per route; a few pages of the documents;
     * and, interleaved with those, a GET of each of up to {@value #LOADS_PER_READ} more ids per route, so
     * that the first pass through the list also runs the miss path (the database load and the
     * serialisation) that the first clients' ids take: a client's first read of an id is a miss too.
     */
    private List<byte[]> requests() {
        List<byte[]> requests = new ArrayList<>();
        List<byte[]> loads = new ArrayList<>();
        for (HotRead read : reads) {
            List<String> all = read.someIds().apply(IDS_PER_READ + LOADS_PER_READ);
            List<String> ids = all.subList(0, Math.min(IDS_PER_READ, all.size()));
            all.subList(ids.size(), all.size()).forEach(id -> loads.add(request(read.prefix() + id, "")));
            for (int i = 0; i < ids.size(); i++) {
                String path = read.prefix() + ids.get(i);
                requests.add(request(path, ""));
                read.answer().apply(ids.get(i)).ifPresent(answer ->
                        requests.add(request(path, "If-None-Match: " + answer.etag() + "\r\n")));
                if (read.negotiated() && i < PAGES_PER_READ) {
                    requests.add(request(path, "Accept: text/html\r\n"));
                }
            }
        }
        // the loads interleaved with the hot requests, which keep being sent as often as the loads (a
        // route with loads has hot ids too: they are its first ids, so requests is empty only with no loads)
        List<byte[]> mixed = new ArrayList<>(2 * Math.max(requests.size(), loads.size()));
        for (int i = 0; i < Math.max(requests.size(), loads.size()); i++) {
            mixed.add(requests.get(i % requests.size()));
            if (i < loads.size()) {
                mixed.add(loads.get(i));
            }
        }
        return mixed;
    }

    private static byte[] request(String path, String headers) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void send(int port, List<byte[]> requests, int offset, AtomicLong until, AtomicLong sent) {
        int i = offset;
        while (System.nanoTime() < until.get()) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (System.nanoTime() < until.get()) {
                    out.write(requests.get(i++ % requests.size()));
                    out.flush();
                    if (!readResponse(in)) {
                        break;  // no length to read by (or closed): a new connection
                    }
                    sent.incrementAndGet();
                }
            } catch (IOException e) {
                log.debug("warm-up connection failed", e);
                return;
            }
        }
    }

    /** Reads one response: its head, then as many body bytes as Content-Length says. */
    private static boolean readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean sized = false;
        int previous = -1;
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n' && previous == '\r') {
                if (line.length() == 1) {  // the empty line: the head is over
                    if (sized) {
                        in.skipNBytes(length);
                    }
                    return sized;
                }
                String header = line.toString().trim().toLowerCase(java.util.Locale.ROOT);
                if (header.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring("content-length:".length()).trim());
                    sized = true;
                } else if (header.startsWith("http/1.1 304")) {
                    sized = true;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
            previous = c;
        }
        return false;
    }
}
