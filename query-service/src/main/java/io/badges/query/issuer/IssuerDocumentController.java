package io.badges.query.issuer;

import io.badges.query.NotFound;
import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** OB 2.0 Issuer Profile and CryptographicKey documents; the OB 3.0 issuer's DID document. */
@RestController
class IssuerDocumentController {

    private final IssuerRepresentations representations;
    private final IssuerKeyViewStore keys;
    private final OpenBadges2 documents;
    private final DidDocumentStore didDocuments;

    /**
     * The did:web method names {@code application/did+json} for {@code did.json} (and did+ld+json for a
     * did.jsonld we do not publish); DID Core registers it for the JSON representation, which may carry
     * the {@code @context} ours has. Resolvers parse it as JSON either way.
     */
    static final MediaType DID_JSON = MediaType.parseMediaType("application/did+json");

    IssuerDocumentController(IssuerRepresentations representations, IssuerKeyViewStore keys, OpenBadges2 documents,
                             DidDocumentStore didDocuments) {
        this.representations = representations;
        this.keys = keys;
        this.documents = documents;
        this.didDocuments = didDocuments;
    }

    /** Where the issuer's did:web resolves: its Ed25519 and ES256 keys, all of them assertion methods. */
    @GetMapping(PublicUrls.ISSUER_DID)
    ResponseEntity<byte[]> didDocument(@PathVariable String id) {
        DidDocumentStore.DidDocument document = didDocuments.find(id).orElseThrow(() -> new NotFound("issuer", id));
        return ResponseEntity.ok().contentType(DID_JSON).body(document.json().getBytes(StandardCharsets.UTF_8));
    }

    /** Usually answered by the hot path ({@link io.badges.query.http.HotReadFilter}) with the same bytes. */
    @GetMapping(PublicUrls.ISSUER)
    @ApiResponse(responseCode = "200", description = "the OB 2.0 Profile",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    ResponseEntity<byte[]> profile(@PathVariable String id, HttpServletRequest request) {
        return representations.profile(id).orElseThrow(() -> new NotFound(IssuerRepresentations.WHAT, id)).answer(request);
    }

    @GetMapping(PublicUrls.KEY)
    Map<String, Object> key(@PathVariable("id") String keyId) {
        IssuerKeyViewStore.KeyView key = keys.find(keyId).orElseThrow(() -> new NotFound("key", keyId));
        return documents.cryptographicKey(keyId, key.issuerId(), key.publicKeyPem());
    }
}
