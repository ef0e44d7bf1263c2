package io.badges.query.ops;

import io.badges.vocabulary.PublicUrls;
import io.badges.query.config.QueryProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The read API and the public documents are meant for browsers anywhere (wallets, verifier pages). */
@Configuration(proxyBeanMethods = false)
class CorsConfig implements WebMvcConfigurer {

    private final QueryProperties properties;

    CorsConfig(QueryProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        String[] origins = properties.cors().allowedOrigins().toArray(String[]::new);
        for (String path : new String[] {"/api/**", PublicUrls.ALL}) {
            registry.addMapping(path)
                    .allowedOriginPatterns(origins)
                    .allowedMethods("GET", "HEAD", "POST", "OPTIONS")
                    .allowedHeaders("Content-Type")
                    .allowCredentials(false)
                    .maxAge(3600);
        }
    }
}
