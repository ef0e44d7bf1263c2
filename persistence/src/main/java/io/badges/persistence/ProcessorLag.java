package io.badges.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * How far a streaming event processor (the query side's projection, the command side's Kafka
 * publisher) is behind its source, sampled twice a second: in events (when the source's head is
 * known: the event store) and in milliseconds since it was last caught up. Published as the gauges
 * {@code badges_processor_lag_events} and {@code badges_processor_lag_milliseconds}.
 */
public final class ProcessorLag implements AutoCloseable {

    /** One sample. {@code events} is null when the head of the source is unknown (Kafka). */
    public record Snapshot(String processor, boolean running, boolean error, int segments, boolean caughtUp,
                           Long events, long millis) {

        /** What the health detail shows. */
        public Map<String, Object> details() {
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("processor", processor);
            details.put("running", running);
            details.put("error", error);
            details.put("segmentsClaimed", segments);
            details.put("caughtUp", caughtUp);
            details.put("lagEvents", events == null ? "unknown (Kafka)" : events);
            details.put("lagMillis", millis);
            return details;
        }
    }

    private final String processor;
    private final EventProcessingConfiguration processing;
    private final Supplier<TrackingToken> head;
    private final Clock clock;
    private final ScheduledExecutorService sampler;
    private volatile long lastCaughtUp;
    private volatile Snapshot last;

    /** @param head the source's head token, or null when it cannot be asked (Kafka) */
    public ProcessorLag(String processor, EventProcessingConfiguration processing, Supplier<TrackingToken> head,
                        MeterRegistry meters, Clock clock) {
        this.processor = processor;
        this.processing = processing;
        this.head = head;
        this.clock = clock;
        this.lastCaughtUp = now(clock);
        this.last = new Snapshot(processor, false, false, 0, false, null, 0);
        Gauge.builder("badges.processor.lag.events", this, l -> l.last.events() == null ? Double.NaN : l.last.events())
                .tag("processor", processor).description("events stored but not yet handled").register(meters);
        Gauge.builder("badges.processor.lag.milliseconds", this, l -> l.last.millis())
                .tag("processor", processor).description("time since the processor was last caught up")
                .register(meters);
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lag-" + processor);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts sampling. Call it once the application has started: asking Axon for its processors
     * earlier, from another thread, would build them outside of its own start-up.
     */
    public void start() {
        sampler.scheduleWithFixedDelay(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    public Snapshot snapshot() {
        return last;
    }

    void sample() {
        try {
            last = measure();
        } catch (RuntimeException e) {
            last = new Snapshot(processor, false, true, 0, false, null, now(clock) - lastCaughtUp);
        }
    }

    private Snapshot measure() {
        StreamingEventProcessor streaming = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .orElse(null);
        if (streaming == null) {
            return new Snapshot(processor, false, false, 0, false, null, now(clock) - lastCaughtUp);
        }
        Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
        boolean error = status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        Long events = null;
        if (head != null) {
            OptionalLong top = position(head.get());
            long behind = 0;
            for (EventTrackerStatus segment : status.values()) {
                OptionalLong at = segment.getCurrentPosition();
                behind = Math.max(behind, top.orElse(-1) - at.orElse(-1));
            }
            events = status.isEmpty() ? null : behind;
        }
        // No segment claimed while running: other instances sharing the token store do the work.
        boolean caughtUp = streaming.isRunning() && !error
                && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)
                && (events == null || events == 0);
        long now = now(clock);
        if (caughtUp) {
            lastCaughtUp = now;
        }
        return new Snapshot(processor, streaming.isRunning(), error, status.size(), caughtUp, events,
                caughtUp ? 0 : now - lastCaughtUp);
    }

    /** Not {@code clock.millis()}: a tick clock finer than a millisecond divides by zero there (JDK 17). */
    private static long now(Clock clock) {
        return clock.instant().toEpochMilli();
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
