package io.badges.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.access.ApiKeyFilter;
import io.badges.command.access.ApiKeys;
import io.badges.command.access.RateLimitFilter;
import io.badges.command.assertion.RecipientLookupKey;
import io.badges.command.assertion.RequestFingerprints;
import io.badges.command.issuer.KeySealer;
import io.badges.persistence.RecipientLookupKeys;
import io.badges.web.BodySizeLimitFilter;
import io.badges.web.ClientRateLimitFilter;
import io.badges.web.HttpGuards;
import io.badges.web.HttpLimits;
import io.badges.web.KeyDigests;
import io.badges.web.ShutdownDrain;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@Import(HttpGuards.class)
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
    RequestFingerprints requestFingerprints(BadgesProperties properties, RecipientLookupKey lookupKey) {
        return RequestFingerprints.resolve(properties.idempotencyKey(), lookupKey);
    }

    @Bean
    KeySealer keySealer(BadgesProperties properties) {
        return KeySealer.resolve(properties.keyEncryptionKey(), properties.dataDir());
    }

    @Bean
    ShutdownDrain shutdownDrain(BadgesProperties properties) {
        return new ShutdownDrain(properties.shutdownDrain());
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

    /** Per address, for callers without a valid key: they can only be refused, but each refusal costs. */
    @Bean
    FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilter(HttpLimits limits, ApiKeys keys,
                                                                        ObjectMapper mapper) {
        return HttpGuards.clientRateLimit(new ClientRateLimitFilter(limits,
                request -> keys.clientOf(KeyDigests.bearer(request)).isPresent(), mapper, System::nanoTime));
    }

    /** 1 MiB ({@code badges.limits.max-body-bytes}); batch awards up to {@code max-batch-body-bytes}. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpLimits limits, BadgesProperties properties,
                                                                    ObjectMapper mapper) {
        long batch = properties.limits().maxBatchBodyBytes();
        return HttpGuards.bodySizeLimit(new BodySizeLimitFilter(request -> request.getRequestURI()
                .endsWith("/assertions/batch") ? batch : limits.maxBodyBytes(), mapper));
    }
}
