package io.badges.command.ops;

import io.badges.persistence.ProcessorLag;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code publisher} health component (distributed mode): how far the Kafka publisher is behind
 * the event store. Writes do not depend on it (the event store is the outbox), so a publisher that
 * has not caught up for a while makes the component DEGRADED, never the service DOWN.
 */
@Component("publisher")
@Profile("distributed")
class PublisherHealth implements HealthIndicator, DisposableBean,
        ApplicationListener<ApplicationReadyEvent> {

    static final Status DEGRADED = new Status("DEGRADED", "Kafka publication is behind: events wait in the outbox");
    private static final Duration DEGRADED_AFTER = Duration.ofSeconds(30);

    private final ProcessorLag lag;

    PublisherHealth(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters, Clock clock) {
        this.lag = new ProcessorLag(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP, processing,
                eventStore::createHeadToken, meters, clock);
    }

    @Override
    public Health health() {
        ProcessorLag.Snapshot now = lag.snapshot();
        boolean behind = now.error() || !now.running() || now.millis() > DEGRADED_AFTER.toMillis();
        return (behind ? Health.status(DEGRADED) : Health.up())
                .withDetails(now.details())
                .build();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        lag.start();
    }

    @Override
    public void destroy() {
        lag.close();
    }
}
