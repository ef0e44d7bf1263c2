package io.badges.query.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import io.badges.query.NotFound;
import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import java.text.ParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
    private final OpenBadges2 documents;
    private final AssertionDocuments hosted;
    private final ObjectMapper json;

    AssertionDocumentController(AssertionViewStore store, OpenBadges2 documents, AssertionDocuments hosted,
                                ObjectMapper json) {
        this.store = store;
        this.documents = documents;
        this.hosted = hosted;
        this.json = json;
    }

    @GetMapping(PublicUrls.ASSERTION)
    ResponseEntity<?> assertion(@PathVariable String id) throws JsonProcessingException {
        AssertionView view = store.find(id).orElseThrow(() -> new NotFound("assertion", id));
        if (view.revoked()) {
            return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_JSON)
                    .body(documents.revokedAssertion(id, view.revocationReason()));
        }
        if (view.signature() != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(json.readTree(payload(view.signature())));
        }
        // the bytes themselves (not a map for Jackson to write): its image bakes in exactly these
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(hosted.hosted(view));
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

    static String payload(String compactJws) {
        try {
            return JWSObject.parse(compactJws).getPayload().toString();
        } catch (ParseException e) {
            throw new IllegalStateException("stored signature is not a compact JWS", e);
        }
    }
}
