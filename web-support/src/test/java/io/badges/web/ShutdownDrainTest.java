package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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

class ShutdownDrainTest {

    private final ShutdownDrain drain = new ShutdownDrain(Duration.ofSeconds(3), new ObjectMapper());

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
    void duringTheDrainNewRequestsGetA503AndRequestsUnderWayFinish() throws Exception {
        drain.start();
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

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(drain::stop);
        MockHttpServletResponse refused;
        CountDownLatch reached;
        do {  // until the drain has begun: the first request refused
            reached = new CountDownLatch(1);
            refused = send(reached, new CountDownLatch(0));
        } while (refused.getStatus() == 201);

        assertThat(reached.getCount()).as("the refused request never reached the service").isEqualTo(1);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("3");
        assertThat(refused.getHeader("Connection")).isEqualTo("close");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":503", "shutting-down");
        assertThat(stopping).as("stop() waits out the drain before the web server may pause").isNotDone();
        assertThat(drain.isRunning()).isTrue();

        release.countDown();
        assertThat(underWay.get(10, TimeUnit.SECONDS).getStatus()).as("the request under way").isEqualTo(201);
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(drain.isRunning()).isFalse();
    }

    @Test
    void stopsJustBeforeTheWebServersGracefulShutdown() {
        assertThat(drain.getPhase()).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }
}
