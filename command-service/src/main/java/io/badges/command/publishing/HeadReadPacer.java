package io.badges.command.publishing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces the outbox reader's reads of the event store's head. A read that returns fewer events than
 * it asked for has reached the head; the next read then starts no sooner than {@code pause} after
 * it. Reads that return full batches (a reader catching up) never wait, and neither does the first
 * read after a quiet spell, so at low rates an award is still read at once. At high rates the reader
 * reads at most once per pause and takes what arrived meanwhile in one read, instead of one or two
 * reads per commit (docs/architecture.md, "Distributed mode", outbox reads paced at the head).
 */
public final class HeadReadPacer {

    /** Sleeps the given number of nanoseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long pauseNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private volatile boolean atHead;
    private volatile long headReadAt;

    public HeadReadPacer(Duration pause, LongSupplier nanoTime, Sleeper sleeper) {
        if (pause.isNegative()) {
            throw new IllegalArgumentException("the pause between head reads must not be negative");
        }
        this.pauseNanos = pause.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public static HeadReadPacer of(Duration pause) {
        return new HeadReadPacer(pause, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /**
     * Waits until the pause after the last head read has passed; false when interrupted (the reader is
     * closing), with the thread's interrupt flag set again.
     */
    public boolean awaitTurn() {
        if (!atHead || pauseNanos == 0) {
            return true;
        }
        long wait = headReadAt + pauseNanos - nanoTime.getAsLong();
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Records a read that began at {@code startedAt} and returned {@code returned} of {@code asked} events. */
    public void read(long startedAt, int returned, int asked) {
        atHead = returned < asked;
        headReadAt = startedAt;
    }

    public long now() {
        return nanoTime.getAsLong();
    }
}
