package io.badges.query.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI readApi() {
        return new OpenAPI().info(new Info().title("Open Badges read API").version("v1")
                .description("Public reads of issuers, badge classes and assertions, as projected from the "
                        + "event stream. Unknown ids answer 404 application/problem+json."));
    }
}
