package io.badges.query.page;

import io.badges.vocabulary.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The negotiated documents say that their answer depends on Accept ({@code Vary: Accept}), in both
 * forms, so that no shared cache hands a browser's page to a validator or the other way round.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
                return true;
            }
        }).addPathPatterns(PublicUrls.ASSERTION, PublicUrls.CREDENTIAL, PublicUrls.BADGE, PublicUrls.ISSUER, "/verify")
                .excludePathPatterns(PublicUrls.ASSERTION_JWS, PublicUrls.CREDENTIAL_JWT);
    }
}
