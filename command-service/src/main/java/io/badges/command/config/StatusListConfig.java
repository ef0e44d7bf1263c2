package io.badges.command.config;

import io.badges.command.status.StatusListPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the status list publisher every {@code badges.status-list-publish-interval} (default 250 ms,
 * counted from the end of a pass); not in {@code migrate} mode.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!migrate-only")
@EnableScheduling
class StatusListConfig implements SchedulingConfigurer {

    private final StatusListPublisher publisher;
    private final BadgesProperties properties;

    StatusListConfig(StatusListPublisher publisher, BadgesProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(publisher::publishPending, properties.statusListPublishInterval());
    }
}
