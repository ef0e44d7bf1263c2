package io.badges.query.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.config.QueryProperties;
import io.badges.web.ShutdownDrain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** On SIGTERM, readers are refused with a retryable 503 before Tomcat pauses (see {@link ShutdownDrain}). */
@Configuration(proxyBeanMethods = false)
class ShutdownConfig {

    @Bean
    ShutdownDrain shutdownDrain(QueryProperties properties, ObjectMapper mapper) {
        return new ShutdownDrain(properties.shutdownDrain(), mapper);
    }
}
