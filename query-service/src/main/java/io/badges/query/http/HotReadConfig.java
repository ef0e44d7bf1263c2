package io.badges.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.config.QueryProperties;
import io.badges.web.HttpGuards;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The hot path's place among the filters: after the shutdown drain, the per-client rate limit and the
 * management guard (it answers nothing those would refuse), before Spring's HTTP observation, which
 * moves behind it: a hot answer is timed by the hot path itself, everything else as before.
 */
@Configuration(proxyBeanMethods = false)
class HotReadConfig {

    static final int HOT_READS_ORDER = HttpGuards.MANAGEMENT_ORDER + 1;
    static final int OBSERVATION_ORDER = HOT_READS_ORDER + 1;

    @Bean
    FilterRegistrationBean<HotReadFilter> hotReadFilter(QueryProperties properties, List<HotReads> features,
                                                        MeterRegistry meters, ObjectMapper json) {
        List<HotRead> reads = properties.http().hotReads()
                ? features.stream().flatMap(feature -> feature.hotReads().stream()).toList()
                : List.of();
        FilterRegistrationBean<HotReadFilter> registration = new FilterRegistrationBean<>(new HotReadFilter(reads, meters, json));
        registration.setOrder(HOT_READS_ORDER);
        registration.setEnabled(!reads.isEmpty());
        return registration;
    }

    @Bean
    static BeanPostProcessor observationAfterHotReads() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof FilterRegistrationBean<?> registration
                        && registration.getFilter() instanceof ServerHttpObservationFilter) {
                    registration.setOrder(OBSERVATION_ORDER);
                }
                return bean;
            }
        };
    }
}
