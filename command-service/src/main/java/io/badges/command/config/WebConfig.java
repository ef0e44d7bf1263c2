package io.badges.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.access.ApiKeyFilter;
import io.badges.command.access.ApiKeys;
import io.badges.command.access.RateLimitFilter;
import io.badges.command.assertion.RecipientLookupKey;
import io.badges.command.issuer.KeySealer;
import io.badges.command.web.BodySizeLimitFilter;
import io.badges.persistence.RecipientLookupKeys;
import io.badges.web.ShutdownDrain;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    ApiKeys apiKeys(BadgesProperties properties) {
        return ApiKeys.resolve(properties.apiKeys(), properties.deployment().singleProcess(), properties.dataDir());
    }

    @Bean
    RecipientLookupKey recipientLookupKey(BadgesProperties properties) {
        return new RecipientLookupKey(RecipientLookupKeys.resolve(properties.recipientLookupKey(), properties.dataDir()));
    }

    @Bean
    KeySealer keySealer(BadgesProperties properties) {
        return KeySealer.resolve(properties.keyEncryptionKey(), properties.dataDir());
    }

    @Bean
    ShutdownDrain shutdownDrain(BadgesProperties properties, ObjectMapper mapper) {
        return new ShutdownDrain(properties.shutdownDrain(), mapper);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys, ObjectMapper mapper) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys, mapper));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(BadgesProperties properties, ObjectMapper mapper) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(properties.limits(), mapper, System::nanoTime));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(BadgesProperties properties, ObjectMapper mapper) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.limits(), mapper));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
