package io.badges.query.ops;

import io.badges.persistence.ProcessorLag;
import io.badges.query.ReadModel;
import io.badges.query.config.QueryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The {@code projection} health component, part of the readiness group: DOWN while the read model is
 * further behind the event store than {@code badges.projection.ready-max-lag-events} (or, reading
 * Kafka, has not been caught up for {@code ready-max-lag}), or when the processor is in error.
 */
@Component("projection")
class ProjectionHealth implements HealthIndicator, DisposableBean,
        ApplicationListener<ApplicationReadyEvent> {

    private final ProcessorLag lag;
    private final QueryProperties.Projection settings;

    ProjectionHealth(EventProcessingConfiguration processing, ObjectProvider<EventStore> eventStore,
                     MeterRegistry meters, Clock clock, QueryProperties properties) {
        EventStore store = eventStore.getIfAvailable();
        this.lag = new ProcessorLag(ReadModel.GROUP, processing, store == null ? null : store::createHeadToken,
                meters, clock);
        this.settings = properties.projection();
    }

    @Override
    public Health health() {
        ProcessorLag.Snapshot now = lag.snapshot();
        boolean ready = !now.error() && now.running() && (now.events() != null
                ? now.events() <= settings.readyMaxLagEvents()
                : now.caughtUp() || now.millis() <= settings.readyMaxLag().toMillis());
        return (ready ? Health.up() : Health.down())
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
