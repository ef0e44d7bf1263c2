package io.badges.query.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.vocabulary.OpenBadges2;
import org.springframework.stereotype.Component;

/**
 * The bytes of a hosted assertion document. One writer for both places that publish them, the
 * document at its id and the copy baked into its image, so that they cannot differ by a byte.
 */
@Component
public class AssertionDocuments {

    private final OpenBadges2 documents;
    private final ObjectMapper json;

    AssertionDocuments(OpenBadges2 documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    public byte[] hosted(AssertionView view) {
        try {
            return json.writeValueAsBytes(documents.hostedAssertion(new OpenBadges2.Award(view.id(),
                    view.recipient(), view.badgeClass().id(), view.issuedOn(), view.expires(), view.evidence(),
                    view.narrative())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
