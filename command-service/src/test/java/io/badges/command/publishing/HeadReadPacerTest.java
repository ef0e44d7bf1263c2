package io.badges.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On a clock of its own: which reads wait, and for how long. */
class HeadReadPacerTest {

    private static final long MS = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final List<Long> sleeps = new ArrayList<>();
    private final HeadReadPacer pacer = new HeadReadPacer(Duration.ofMillis(10), clock::get, nanos -> {
        sleeps.add(nanos);
        clock.addAndGet(nanos);
    });

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theFirstReadAndReadsAfterAQuietSpellDoNotWait() {
        assertThat(pacer.awaitTurn()).isTrue();
        pacer.read(clock.get(), 0, 100);
        clock.addAndGet(25 * MS);

        assertThat(pacer.awaitTurn()).isTrue();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aReadAfterAHeadReadWaitsForWhatRemainsOfThePause() {
        long started = clock.get();
        pacer.read(started, 3, 100);
        clock.addAndGet(4 * MS);

        assertThat(pacer.awaitTurn()).isTrue();

        assertThat(sleeps).containsExactly(6 * MS);
        assertThat(clock.get()).isEqualTo(started + 10 * MS);
    }

    @Test
    void fullBatchesAReaderCatchingUpGetsNeverWait() {
        for (int i = 0; i < 5; i++) {
            assertThat(pacer.awaitTurn()).isTrue();
            pacer.read(clock.get(), 100, 100);
            clock.addAndGet(MS);
        }
        assertThat(sleeps).isEmpty();

        pacer.read(clock.get(), 40, 100);  // the head reached: the next read waits
        assertThat(pacer.awaitTurn()).isTrue();
        assertThat(sleeps).containsExactly(10 * MS);
    }

    @Test
    void noPauseNeverWaits() {
        HeadReadPacer unpaced = new HeadReadPacer(Duration.ZERO, clock::get, nanos -> sleeps.add(nanos));
        unpaced.read(clock.get(), 0, 100);

        assertThat(unpaced.awaitTurn()).isTrue();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anInterruptedWaitGivesUpTheReadAndKeepsTheInterrupt() {
        HeadReadPacer interrupted = new HeadReadPacer(Duration.ofMillis(10), clock::get, nanos -> {
            throw new InterruptedException("closing");
        });
        interrupted.read(clock.get(), 0, 100);

        assertThat(interrupted.awaitTurn()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aNegativePauseIsRefused() {
        assertThatThrownBy(() -> HeadReadPacer.of(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRealSleeperWaitsForThePause() {
        HeadReadPacer real = HeadReadPacer.of(Duration.ofMillis(20));
        long started = real.now();
        real.read(started, 0, 100);

        assertThat(real.awaitTurn()).isTrue();

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(20 * MS);
    }
}
