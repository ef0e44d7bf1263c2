package io.badges.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What both services guard the same way, imported by each: strict JSON ({@link StrictJson}) on Spring
 * Boot's ObjectMapper, the management endpoints ({@link ManagementAccessFilter}), and the settings of
 * the request limits ({@link HttpLimits}) whose filters each service registers for its own routes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HttpLimits.class, ManagementAccess.class})
public class HttpGuards {

    /** Filter orders, after the shutdown drain (the first filter). */
    public static final int CLIENT_RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;
    public static final int MANAGEMENT_ORDER = Ordered.HIGHEST_PRECEDENCE + 6;
    public static final int BODY_SIZE_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    /**
     * An encoded slash ({@code %2F}) in a path reaches the application, whose answer to an id that names
     * nothing is a 404 problem+json; Tomcat's default refuses it itself, with an HTML page.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheApplication() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /** What Tomcat refuses itself (a path above the root, say) is answered as problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorsAsProblems() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.postConfigurer(StrictJson::configure);
    }

    @Bean
    FilterRegistrationBean<ManagementAccessFilter> managementAccessFilter(ManagementAccess access,
                                                                          ObjectMapper mapper) {
        FilterRegistrationBean<ManagementAccessFilter> registration = new FilterRegistrationBean<>(
                new ManagementAccessFilter(access, mapper));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setOrder(MANAGEMENT_ORDER);
        return registration;
    }

    /** Registers a service's body size filter on every path. */
    public static FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(BodySizeLimitFilter filter) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(BODY_SIZE_ORDER);
        return registration;
    }

    /** Registers a service's per-address rate limit on every path. */
    public static FilterRegistrationBean<ClientRateLimitFilter> clientRateLimit(ClientRateLimitFilter filter) {
        FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(CLIENT_RATE_LIMIT_ORDER);
        return registration;
    }
}
