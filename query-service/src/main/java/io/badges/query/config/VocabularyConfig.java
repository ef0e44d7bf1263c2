package io.badges.query.config;

import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.ob3.OpenBadges3;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The documents we serve, under BADGES_PUBLIC_BASE_URL. */
@Configuration(proxyBeanMethods = false)
class VocabularyConfig {

    @Bean
    PublicUrls publicUrls(QueryProperties properties) {
        return new PublicUrls(properties.publicBaseUrl());
    }

    @Bean
    OpenBadges2 openBadges2(PublicUrls urls) {
        return new OpenBadges2(urls);
    }

    @Bean
    OpenBadges3 openBadges3(PublicUrls urls) {
        return new OpenBadges3(urls);
    }
}
