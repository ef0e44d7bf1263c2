package io.badges.query.issuer;

import io.badges.query.NotFound;
import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** OB 2.0 Issuer Profile and CryptographicKey documents. */
@RestController
class IssuerDocumentController {

    private final IssuerViewStore issuers;
    private final IssuerKeyViewStore keys;
    private final OpenBadges2 documents;

    IssuerDocumentController(IssuerViewStore issuers, IssuerKeyViewStore keys, OpenBadges2 documents) {
        this.issuers = issuers;
        this.keys = keys;
        this.documents = documents;
    }

    @GetMapping(PublicUrls.ISSUER)
    Map<String, Object> profile(@PathVariable String id) {
        IssuerEntry entry = issuers.entry(id).orElseThrow(() -> new NotFound("issuer", id));
        IssuerView issuer = entry.view();
        return documents.issuer(new OpenBadges2.Issuer(id, issuer.name(), issuer.url(), issuer.email(),
                issuer.description(), issuer.image(), entry.keyIds()));
    }

    @GetMapping(PublicUrls.KEY)
    Map<String, Object> key(@PathVariable("id") String keyId) {
        IssuerKeyViewStore.KeyView key = keys.find(keyId).orElseThrow(() -> new NotFound("key", keyId));
        return documents.cryptographicKey(keyId, key.issuerId(), key.publicKeyPem());
    }
}
