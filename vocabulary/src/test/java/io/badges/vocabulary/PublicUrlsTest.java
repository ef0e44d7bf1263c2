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
        assertThat(paths.credential("c")).isEqualTo(PublicUrls.CREDENTIAL.replace("{id}", "c"));
        assertThat(paths.credentialJwt("c")).isEqualTo(PublicUrls.CREDENTIAL_JWT.replace("{id}", "c"));
        assertThat(paths.issuerDid("i")).isEqualTo(PublicUrls.ISSUER_DID.replace("{id}", "i"));
        assertThat(paths.statusList("i", "l"))
                .isEqualTo(PublicUrls.ISSUER_STATUS_LIST.replace("{id}", "i").replace("{listId}", "l"));
    }

    @Test
    void theOpenBadges3DocumentsLieUnderTheBaseToo() {
        PublicUrls urls = new PublicUrls("https://b.test");

        assertThat(urls.credential("c")).isEqualTo("https://b.test/public/credentials/c");
        assertThat(urls.credentialJwt("c")).isEqualTo("https://b.test/public/credentials/c.jwt");
        assertThat(urls.issuerDid("i")).isEqualTo("https://b.test/public/issuers/i/did.json");
        assertThat(urls.statusList("i", "1")).isEqualTo("https://b.test/public/issuers/i/status/1");
    }
}
