package io.badges.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-LD contexts we know, served from classpath copies (see the README beside them). The
 * {@link #loader() loader} answers these URLs and nothing else: a document naming any other context
 * cannot be canonicalised, so nothing is ever fetched from the network while signing or verifying.
 */
public final class Contexts {

    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1";
    public static final String DATA_INTEGRITY_V1 = "https://w3id.org/security/data-integrity/v1";
    public static final String OB_3_0_3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String OB_3_0_1 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json";
    public static final String OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    public static final String OB_V2 = "https://w3id.org/openbadges/v2";
    /** The address the OB 2.0 context is also published under. */
    public static final String OB_V2_SPEC_SITE = "https://openbadgespec.org/v2/context.json";

    private static final String FOLDER = "/io/badges/credentials/contexts/";
    private static final Map<String, JsonStructure> DOCUMENTS = load(Map.of(
            CREDENTIALS_V2, "credentials-v2.jsonld",
            CREDENTIALS_V1, "2018-credentials-v1.jsonld",
            DATA_INTEGRITY_V1, "data-integrity-v1.jsonld",
            OB_3_0_3, "ob-v3p0-3.0.3.json",
            OB_3_0_1, "ob-v3p0-3.0.1.json",
            OB_EXTENSIONS, "ob-v3p0-extensions.json",
            OB_V2, "obv2x.jsonld",
            OB_V2_SPEC_SITE, "obv2x.jsonld"));

    private static final DocumentLoader LOADER = (url, options) -> {
        JsonStructure content = url == null ? null : DOCUMENTS.get(url.toString());
        if (content == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, unknown(String.valueOf(url)));
        }
        JsonDocument document = JsonDocument.of(MediaType.JSON_LD, content);
        document.setDocumentUrl(url);
        return document;
    };

    private Contexts() {
    }

    /** A titanium {@link DocumentLoader} over the known contexts; any other URL fails. Thread-safe. */
    public static DocumentLoader loader() {
        return LOADER;
    }

    /** The URLs the loader answers. */
    public static Set<String> urls() {
        return DOCUMENTS.keySet();
    }

    public static boolean isKnown(String url) {
        return DOCUMENTS.containsKey(url);
    }

    static String unknown(String url) {
        return "unknown JSON-LD context " + url + " (contexts are loaded from the classpath only, never fetched)";
    }

    private static Map<String, JsonStructure> load(Map<String, String> files) {
        Map<String, JsonStructure> documents = new LinkedHashMap<>();
        files.forEach((url, file) -> {
            try (InputStream in = Contexts.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled context " + FOLDER + file);
                }
                try (JsonReader reader = Json.createReader(in)) {
                    documents.put(url, reader.read());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Map.copyOf(documents);
    }
}
