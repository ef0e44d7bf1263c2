package io.badges.query.issuer;

import io.badges.query.NotFound;
import io.badges.query.PublicUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** OB 2.0 Issuer Profile and CryptographicKey documents. */
@RestController
class IssuerDocumentController {

    private static final String CONTEXT = "https://w3id.org/openbadges/v2";

    private final IssuerViewStore issuers;
    private final IssuerKeyViewStore keys;
    private final PublicUrls urls;

    IssuerDocumentController(IssuerViewStore issuers, IssuerKeyViewStore keys, PublicUrls urls) {
        this.issuers = issuers;
        this.keys = keys;
        this.urls = urls;
    }

    @GetMapping("/public/issuers/{id}")
    Map<String, Object> profile(@PathVariable String id) {
        IssuerEntry entry = issuers.entry(id).orElseThrow(() -> new NotFound("issuer", id));
        IssuerView issuer = entry.view();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("type", "Issuer");
        doc.put("id", urls.issuer(id));
        doc.put("name", issuer.name());
        doc.put("url", issuer.url());
        doc.put("email", issuer.email());
        putIfPresent(doc, "description", issuer.description());
        putIfPresent(doc, "image", issuer.image());
        List<String> keyIds = entry.keyIds();
        if (!keyIds.isEmpty()) {
            doc.put("publicKey", keyIds.stream().map(urls::key).toList());
            doc.put("revocationList", urls.revocations(id));
        }
        return doc;
    }

    @GetMapping("/public/keys/{keyId}")
    Map<String, Object> key(@PathVariable String keyId) {
        IssuerKeyViewStore.KeyView key = keys.find(keyId).orElseThrow(() -> new NotFound("key", keyId));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", CONTEXT);
        doc.put("type", "CryptographicKey");
        doc.put("id", urls.key(keyId));
        doc.put("owner", urls.issuer(key.issuerId()));
        doc.put("publicKeyPem", key.publicKeyPem());
        return doc;
    }

    private static void putIfPresent(Map<String, Object> doc, String name, Object value) {
        if (value != null) {
            doc.put(name, value);
        }
    }
}
