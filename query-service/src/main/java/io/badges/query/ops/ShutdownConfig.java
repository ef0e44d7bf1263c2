package io.badges.query.ops;

import io.badges.query.config.QueryProperties;
import io.badges.web.ShutdownDrain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** On SIGTERM, readers are served while readiness is DOWN, then the listener closes before Tomcat pauses (see {@link ShutdownDrain}). */
@Configuration(proxyBeanMethods = false)
class ShutdownConfig {

    @Bean
    ShutdownDrain shutdownDrain(QueryProperties properties) {
        return new ShutdownDrain(properties.shutdownDrain());
    }
}
