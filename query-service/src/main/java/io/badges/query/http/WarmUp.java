package io.badges.query.http;

import io.badges.query.config.QueryProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Warms the hot paths before readiness turns UP: for {@code badges.http.warm-up} the service sends
 * itself, over loopback and through its whole HTTP stack, the hot reads of some ids it holds (JSON, 304
 * revalidations and the badge pages), so that the JIT has compiled them before the first client's request
 * arrives. Spring Boot reports the application ready (readiness UP) only after the runners return.
 * Nothing to read (a new install), a read model that cannot be read yet, or a duration of 0: no warm-up.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final int IDS_PER_READ = 32;

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
        List<HttpRequest> requests;
        try {
            requests = requests("http://127.0.0.1:" + web.getWebServer().getPort());
        } catch (RuntimeException e) {
            // a warm-up is an optimisation: a read model that cannot be read yet must not stop the start
            log.info("warm-up skipped: reason=\"{}\"", e.getClass().getSimpleName());
            return;
        }
        if (requests.isEmpty()) {
            return;
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        long until = System.nanoTime() + duration.toNanos();
        AtomicLong sent = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        int parallel = Math.max(2, Runtime.getRuntime().availableProcessors());
        for (int t = 0; t < parallel; t++) {
            int offset = t;
            Thread thread = new Thread(() -> send(client, requests, offset, until, sent), "warm-up-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        log.info("warm-up done: requests={} paths={} seconds={}", sent.get(), requests.size(), duration.toSeconds());
    }

    private List<HttpRequest> requests(String base) {
        List<HttpRequest> requests = new ArrayList<>();
        for (HotRead read : reads) {
            for (String id : read.someIds().apply(IDS_PER_READ)) {
                URI uri = URI.create(base + read.prefix() + id);
                requests.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build());
                read.answer().apply(id).ifPresent(answer -> requests.add(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5)).header("If-None-Match", answer.etag()).build()));
                if (read.negotiated()) {
                    requests.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                            .header("Accept", "text/html").build());
                }
            }
        }
        return requests;
    }

    private static void send(HttpClient client, List<HttpRequest> requests, int offset, long until, AtomicLong sent) {
        int i = offset;
        while (System.nanoTime() < until) {
            try {
                client.send(requests.get(i++ % requests.size()), HttpResponse.BodyHandlers.discarding());
                sent.incrementAndGet();
            } catch (IOException e) {
                log.debug("warm-up request failed", e);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
