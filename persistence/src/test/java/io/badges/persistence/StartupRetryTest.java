package io.badges.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupRetryTest {

    @Test
    void retriesWhileTheServerCannotBeReachedThenAnswers() {
        AtomicInteger attempts = new AtomicInteger();
        String answer = StartupRetry.connect("test database", Duration.ofSeconds(10), () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("pool", new SQLException("refused", "08001",
                        new ConnectException("Connection refused")));
            }
            return "connected";
        });

        assertThat(answer).isEqualTo("connected");
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void failsAtOnceOnErrorsThatWaitingCannotFix() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> StartupRetry.connect("test database", Duration.ofSeconds(10), () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("password authentication failed", "28P01"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void givesUpWhenTheLimitIsReached() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> StartupRetry.connect("test database", Duration.ofMillis(300), () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("starting up", "57P03"));
        })).hasRootCauseMessage("starting up");
        assertThat(attempts.get()).isGreaterThan(1);
    }
}
