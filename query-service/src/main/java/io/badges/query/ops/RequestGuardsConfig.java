package io.badges.query.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.access.ReadKeys;
import io.badges.web.BodySizeLimitFilter;
import io.badges.web.ClientRateLimitFilter;
import io.badges.web.HttpGuards;
import io.badges.web.HttpLimits;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The public service's request limits: one body limit for every route ({@code badges.limits.max-body-bytes},
 * 1 MiB: a presented credential, or a badge image within its own 512 KiB limit), and a rate per client
 * address for callers without an API key.
 */
@Configuration(proxyBeanMethods = false)
@Import(HttpGuards.class)
class RequestGuardsConfig {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpLimits limits, ObjectMapper mapper) {
        return HttpGuards.bodySizeLimit(new BodySizeLimitFilter(request -> limits.maxBodyBytes(), mapper));
    }

    @Bean
    FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilter(HttpLimits limits, ReadKeys keys,
                                                                        ObjectMapper mapper) {
        return HttpGuards.clientRateLimit(new ClientRateLimitFilter(limits, keys::holds, mapper, System::nanoTime));
    }
}
