package io.badges.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicUrlsTest {

    @Test
    void documentUrlsLieUnderTheBaseWithOrWithoutItsTrailingSlash() {
        assertThat(new PublicUrls("https://b.test/").assertion("a")).isEqualTo("https://b.test/public/assertions/a");
        assertThat(new PublicUrls("https://b.test").issuer("i")).isEqualTo("https://b.test/public/issuers/i");
        assertThat(new PublicUrls("https://b.test").base()).isEqualTo("https://b.test");
    }

    @Test
    void anEmptyBaseGivesThePathsTheQueryServiceMaps() {
        PublicUrls paths = new PublicUrls("");

        assertThat(paths.badge("b")).isEqualTo(PublicUrls.BADGE.replace("{id}", "b"));
        assertThat(paths.key("k")).isEqualTo(PublicUrls.KEY.replace("{id}", "k"));
        assertThat(paths.revocations("i")).isEqualTo("/public/issuers/i/revocations");
        assertThat(paths.assertion("a") + ".jws").isEqualTo(PublicUrls.ASSERTION_JWS.replace("{id}", "a"));
    }
}
