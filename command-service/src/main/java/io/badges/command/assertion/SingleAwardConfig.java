package io.badges.command.assertion;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** {@link SingleAwardFilter} right behind the API key and rate limit filters (orders +10 and +15). */
@Configuration(proxyBeanMethods = false)
class SingleAwardConfig {

    @Bean
    FilterRegistrationBean<SingleAwardFilter> singleAwardFilter(AssertionIssuing issuing, ObjectMapper json,
            Validator validator, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions) {
        FilterRegistrationBean<SingleAwardFilter> registration = new FilterRegistrationBean<>(
                new SingleAwardFilter(issuing, json, validator, exceptions));
        registration.addUrlPatterns(SingleAwardFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
