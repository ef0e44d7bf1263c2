package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter and lifecycle alone; GracefulShutdownEndToEndTest stops both services under load. */
class ShutdownDrainTest {

    private final ShutdownDrain drain = new ShutdownDrain(Duration.ofSeconds(2));

    private MockHttpServletResponse send(CountDownLatch entered, CountDownLatch release) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        drain.doFilter(new MockHttpServletRequest("POST", "/api/v1/assertions"), response, new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ((MockHttpServletResponse) res).setStatus(201);
            }
        });
        return response;
    }

    @Test
    void duringTheDrainRequestsAreServedAndEachAnswerClosesItsConnection() throws Exception {
        drain.start();
        MockHttpServletResponse before = send(new CountDownLatch(1), new CountDownLatch(0));
        assertThat(before.getHeader("Connection")).isNull();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> underWay = CompletableFuture.supplyAsync(() -> {
            try {
                return send(entered, release);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(drain::stop);
        MockHttpServletResponse during;
        do {  // until the drain has begun
            during = send(new CountDownLatch(1), new CountDownLatch(0));
        } while (during.getHeader("Connection") == null);

        assertThat(during.getStatus()).as("served as usual").isEqualTo(201);
        assertThat(during.getHeader("Connection")).isEqualTo("close");
        assertThat(drain.isRunning()).isTrue();
        release.countDown();
        assertThat(underWay.get(10, TimeUnit.SECONDS).getStatus()).as("the request under way").isEqualTo(201);
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stop() serves the whole drain period")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(drain.isRunning()).isFalse();
    }

    @Test
    void stopsJustBeforeTheWebServersGracefulShutdown() {
        assertThat(drain.getPhase()).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }
}
