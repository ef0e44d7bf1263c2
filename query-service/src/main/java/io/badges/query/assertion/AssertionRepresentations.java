package io.badges.query.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import io.badges.query.http.HotRead;
import io.badges.query.http.HotReads;
import io.badges.query.http.Representation;
import io.badges.query.http.Representations;
import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The answers of an assertion's two public reads by id, serialised once per version of the assertion
 * ({@link Representations}): the read API's view and the OB 2.0 document (hosted: built from the read
 * model; signed: the payload its issuer signed; revoked: 410 Gone).
 */
@Component
class AssertionRepresentations implements HotReads {

    static final String API = "/api/v1/assertions/{id}";
    /** What an unknown id's 404 says there is none of, on either path. */
    static final String WHAT = "assertion";

    private final AssertionViewStore store;
    private final OpenBadges2 documents;
    private final AssertionDocuments hosted;
    private final ObjectMapper json;
    private final Representations representations;

    AssertionRepresentations(AssertionViewStore store, OpenBadges2 documents, AssertionDocuments hosted,
                             ObjectMapper json, Representations representations) {
        this.store = store;
        this.documents = documents;
        this.hosted = hosted;
        this.json = json;
        this.representations = representations;
    }

    @Override
    public List<HotRead> hotReads() {
        return List.of(HotRead.of(API, false, WHAT, this::view, store::someIds),
                HotRead.of(PublicUrls.ASSERTION, true, WHAT, this::document, store::someIds));
    }

    Optional<Representation> view(String id) {
        return store.find(id).map(view -> representations.of("assertion:" + id, view,
                () -> representations.json(200, view, Representation.VARY_CORS)));
    }

    Optional<Representation> document(String id) {
        return store.find(id).map(view -> representations.of("assertion-document:" + id, view, () -> {
            if (view.revoked()) {
                return representations.json(HttpStatus.GONE.value(),
                        documents.revokedAssertion(id, view.revocationReason()), Representation.VARY_NEGOTIATED);
            }
            // hosted: the bytes its image bakes in; signed: the payload as its issuer signed it
            return view.signature() == null
                    ? representations.json(200, hosted.hosted(view), Representation.VARY_NEGOTIATED)
                    : representations.json(200, readTree(payload(view.signature())), Representation.VARY_NEGOTIATED);
        }));
    }

    private Object readTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored signature's payload is not JSON", e);
        }
    }

    static String payload(String compactJws) {
        try {
            return JWSObject.parse(compactJws).getPayload().toString();
        } catch (ParseException e) {
            throw new IllegalStateException("stored signature is not a compact JWS", e);
        }
    }
}
