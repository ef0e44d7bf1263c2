package io.badges.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ContextsTest {

    @Test
    void theKnownContextsAreServedByTheirUrls() throws Exception {
        assertThat(Contexts.urls()).contains(Contexts.CREDENTIALS_V2, Contexts.CREDENTIALS_V1, Contexts.DATA_INTEGRITY_V1,
                Contexts.OB_3_0_3, Contexts.OB_3_0_1, Contexts.OB_EXTENSIONS, Contexts.OB_V2);
        for (String url : Contexts.urls()) {
            var document = Contexts.loader().loadDocument(URI.create(url), new DocumentLoaderOptions());
            assertThat(document.getJsonContent()).isPresent();
            assertThat(document.getJsonContent().get().asJsonObject()).containsKey("@context");
            assertThat(document.getDocumentUrl()).hasToString(url);
        }
    }

    @Test
    void anyOtherUrlFailsAndIsNeverFetched() {
        assertThatThrownBy(() -> Contexts.loader().loadDocument(URI.create("https://www.w3.org/ns/did/v1"),
                new DocumentLoaderOptions())).isInstanceOf(JsonLdError.class).hasMessageContaining("never fetched");
        assertThat(Contexts.isKnown("https://w3id.org/security/data-integrity/v2")).isFalse();
    }
}
