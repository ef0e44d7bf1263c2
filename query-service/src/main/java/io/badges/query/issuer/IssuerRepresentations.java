package io.badges.query.issuer;

import io.badges.query.http.HotRead;
import io.badges.query.http.HotReads;
import io.badges.query.http.Representation;
import io.badges.query.http.Representations;
import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The answers of an issuer's public reads by id, serialised once per version ({@link Representations}). */
@Component
class IssuerRepresentations implements HotReads {

    static final String API = "/api/v1/issuers/{id}";
    /** What an unknown id's 404 says there is none of, on either path. */
    static final String WHAT = "issuer";

    private final IssuerViewStore issuers;
    private final OpenBadges2 documents;
    private final Representations representations;

    IssuerRepresentations(IssuerViewStore issuers, OpenBadges2 documents, Representations representations) {
        this.issuers = issuers;
        this.documents = documents;
        this.representations = representations;
    }

    @Override
    public List<HotRead> hotReads() {
        return List.of(HotRead.of(API, false, WHAT, this::view, issuers::someIds),
                HotRead.of(PublicUrls.ISSUER, true, WHAT, this::profile, issuers::someIds));
    }

    Optional<Representation> view(String id) {
        return issuers.find(id).map(view -> representations.of("issuer:" + id, view,
                () -> representations.json(200, view, Representation.VARY_CORS)));
    }

    /** The OB 2.0 Profile, with the keys its signed assertions name. */
    Optional<Representation> profile(String id) {
        return issuers.entry(id).map(entry -> representations.of("issuer-profile:" + id, entry, () -> {
            IssuerView issuer = entry.view();
            return representations.json(200, documents.issuer(new OpenBadges2.Issuer(id, issuer.name(), issuer.url(),
                    issuer.email(), issuer.description(), issuer.image(), entry.keyIds())), Representation.VARY_NEGOTIATED);
        }));
    }
}
