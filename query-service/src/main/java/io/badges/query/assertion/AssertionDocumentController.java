package io.badges.query.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import io.badges.events.assertion.Evidence;
import io.badges.query.NotFound;
import io.badges.query.PublicUrls;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final PublicUrls urls;
    private final ObjectMapper json;

    AssertionDocumentController(AssertionViewStore store, PublicUrls urls, ObjectMapper json) {
        this.store = store;
        this.urls = urls;
        this.json = json;
    }

    @GetMapping("/public/assertions/{id}")
    ResponseEntity<?> assertion(@PathVariable String id) throws JsonProcessingException {
        AssertionView view = store.find(id).orElseThrow(() -> new NotFound("assertion", id));
        if (view.revoked()) {
            Map<String, Object> gone = new LinkedHashMap<>();
            gone.put("id", urls.assertion(id));
            gone.put("revoked", true);
            gone.put("revocationReason", view.revocationReason() == null ? "" : view.revocationReason());
            return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_JSON).body(gone);
        }
        if (view.signature() != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(json.readTree(payload(view.signature())));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(hosted(view));
    }

    @GetMapping(value = "/public/assertions/{id}.jws", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> signed(@PathVariable String id) {
        AssertionView view = store.find(id).orElseThrow(() -> new NotFound("assertion", id));
        if (view.signature() == null) {
            throw new NotFound("signed assertion", id);
        }
        return ResponseEntity.ok(view.signature());
    }

    @GetMapping("/public/issuers/{issuerId}/revocations")
    Map<String, Object> revocationList(@PathVariable String issuerId) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://w3id.org/openbadges/v2");
        doc.put("type", "RevocationList");
        doc.put("id", urls.revocations(issuerId));
        doc.put("issuer", urls.issuer(issuerId));
        doc.put("revokedAssertions", store.revokedOf(issuerId).stream()
                .map(r -> {
                    Map<String, String> revoked = new LinkedHashMap<>();  // a stable key order, run after run
                    revoked.put("id", urls.assertion(r.getKey()));
                    revoked.put("revocationReason", r.getValue());
                    return revoked;
                })
                .toList());
        return doc;
    }

    private Map<String, Object> hosted(AssertionView view) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://w3id.org/openbadges/v2");
        doc.put("type", "Assertion");
        doc.put("id", urls.assertion(view.id()));
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("type", view.recipient().type());
        recipient.put("hashed", view.recipient().hashed());
        if (view.recipient().salt() != null) {
            recipient.put("salt", view.recipient().salt());
        }
        recipient.put("identity", view.recipient().identity());
        doc.put("recipient", recipient);
        doc.put("badge", urls.badge(view.badgeClass().id()));
        doc.put("issuedOn", view.issuedOn().toString());
        if (view.expires() != null) {
            doc.put("expires", view.expires().toString());
        }
        if (!view.evidence().isEmpty()) {
            doc.put("evidence", evidence(view.evidence()));
        }
        if (view.narrative() != null) {
            doc.put("narrative", view.narrative());
        }
        doc.put("verification", Map.of("type", "hosted"));
        return doc;
    }

    private static List<Map<String, String>> evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> {
            Map<String, String> item = new LinkedHashMap<>();
            if (e.url() != null) {
                item.put("id", e.url());
            }
            if (e.narrative() != null) {
                item.put("narrative", e.narrative());
            }
            return item;
        }).toList();
    }

    static String payload(String compactJws) {
        try {
            return JWSObject.parse(compactJws).getPayload().toString();
        } catch (ParseException e) {
            throw new IllegalStateException("stored signature is not a compact JWS", e);
        }
    }
}
