package io.badges.query.assertion;

import io.badges.query.NotFound;
import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OB 2.0 Assertion documents. A hosted assertion is built from the read model; a signed one is the
 * payload its issuer signed, byte for byte. A revoked assertion answers 410 Gone.
 */
@RestController
class AssertionDocumentController {

    private final AssertionViewStore store;
    private final AssertionRepresentations representations;
    private final OpenBadges2 documents;

    AssertionDocumentController(AssertionViewStore store, AssertionRepresentations representations,
                                OpenBadges2 documents) {
        this.store = store;
        this.representations = representations;
        this.documents = documents;
    }

    /** Usually answered by the hot path ({@link io.badges.query.http.HotReadFilter}) with the same bytes. */
    @GetMapping(PublicUrls.ASSERTION)
    @ApiResponse(responseCode = "200", description = "the OB 2.0 Assertion (410 when revoked)",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    ResponseEntity<byte[]> assertion(@PathVariable String id, HttpServletRequest request) {
        return representations.document(id).orElseThrow(() -> new NotFound(AssertionRepresentations.WHAT, id)).answer(request);
    }

    /**
     * The JWS whatever the client accepts: with {@code produces} a client asking for JSON only (1EdTech's
     * validator does, for everything it fetches) fell through to the JSON route with "{id}.jws" as the id.
     */
    @GetMapping(PublicUrls.ASSERTION_JWS)
    ResponseEntity<String> signed(@PathVariable String id) {
        AssertionView view = store.find(id).orElseThrow(() -> new NotFound("assertion", id));
        if (view.signature() == null) {
            throw new NotFound("signed assertion", id);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(view.signature());
    }

    @GetMapping(PublicUrls.ISSUER_REVOCATIONS)
    Map<String, Object> revocationList(@PathVariable("id") String issuerId) {
        return documents.revocationList(issuerId, store.revokedOf(issuerId).stream()
                .map(r -> new OpenBadges2.Revoked(r.getKey(), r.getValue())).toList());
    }
}
