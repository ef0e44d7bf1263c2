package io.badges.vocabulary.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badges.vocabulary.PublicUrls;
import org.junit.jupiter.api.Test;

class DidWebTest {

    @Test
    void anIssuersDidResolvesToItsDidJsonUnderTheBase() {
        PublicUrls urls = new PublicUrls("https://badges.example.org/");

        String did = DidWeb.issuer(urls, "i-1");

        assertThat(did).isEqualTo("did:web:badges.example.org:public:issuers:i-1");
        assertThat(DidWeb.documentUrl(did)).isEqualTo(urls.issuerDid("i-1"));
    }

    @Test
    void aPortIsPercentEncodedAndABasePathBecomesSegments() {
        PublicUrls urls = new PublicUrls("https://Badges.Example.org:8443/tenant/a");

        String did = DidWeb.issuer(urls, "i-1");

        assertThat(did).isEqualTo("did:web:badges.example.org%3A8443:tenant:a:public:issuers:i-1");
        assertThat(DidWeb.documentUrl(did)).isEqualTo("https://badges.example.org:8443/tenant/a/public/issuers/i-1/did.json");
        assertThat(DidWeb.documentUrl(did + "#key-1")).isEqualTo(DidWeb.documentUrl(did));
    }

    /** The examples of the did:web method specification, section 3.2. */
    @Test
    void theMethodSpecificationsExamplesResolve() {
        assertThat(DidWeb.documentUrl("did:web:w3c-ccg.github.io")).isEqualTo("https://w3c-ccg.github.io/.well-known/did.json");
        assertThat(DidWeb.documentUrl("did:web:w3c-ccg.github.io:user:alice"))
                .isEqualTo("https://w3c-ccg.github.io/user/alice/did.json");
        assertThat(DidWeb.documentUrl("did:web:example.com%3A3000:user:alice"))
                .isEqualTo("https://example.com:3000/user/alice/did.json");
        assertThat(DidWeb.of("https://example.com:3000/user/alice")).isEqualTo("did:web:example.com%3A3000:user:alice");
    }

    @Test
    void whatIsNoDidWebIsRefused() {
        assertThatThrownBy(() -> DidWeb.documentUrl("did:key:z6Mk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DidWeb.issuer(new PublicUrls(""), "i-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DidWeb.of("https://b.test/x?y=1")).isInstanceOf(IllegalArgumentException.class);
    }
}
